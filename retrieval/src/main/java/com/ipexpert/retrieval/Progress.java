package com.ipexpert.retrieval;

/**
 * Where a long stage has got to, so a saga can publish a percentage. Called from the working thread;
 * keep it cheap.
 */
@FunctionalInterface
public interface Progress {

    /** {@code done} of {@code total} units of this stage are finished ({@code total} may be 0). */
    void update(int done, int total);

    static Progress none() {
        return (done, total) -> { };
    }

    /** The same report as a whole percentage, 0..100. */
    static int percent(int done, int total) {
        if (total <= 0) return 100;
        return (int) Math.min(100, Math.max(0, Math.round(100.0 * done / total)));
    }
}
