package com.ipexpert.bench.diagnosis;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/** The evaluation table of one set: each score apart, as a share of the set's reports, and the misses. */
public record Scorecard(String set, String analyst, List<DiagnosisRun.Outcome> outcomes) {

    public double share(Predicate<DiagnosisRun.Outcome> p) {
        return outcomes.isEmpty() ? 0 : (double) outcomes.stream().filter(p).count() / outcomes.size();
    }

    public double category() {
        return share(DiagnosisRun.Outcome::category);
    }

    public double vendor() {
        return share(DiagnosisRun.Outcome::vendor);
    }

    /** Share of reports whose leading cause matches the label, or NaN when the set has no cause labels. */
    public double cause() {
        if (outcomes.stream().allMatch(o -> o.report().causePattern() == null)) return Double.NaN;
        return share(o -> Boolean.TRUE.equals(o.cause()));
    }

    public double syntax() {
        return share(DiagnosisRun.Outcome::syntax);
    }

    public double safety() {
        return share(DiagnosisRun.Outcome::safety);
    }

    public double solved() {
        return share(DiagnosisRun.Outcome::solved);
    }

    public double meanSteps() {
        return outcomes.stream().mapToInt(DiagnosisRun.Outcome::steps).average().orElse(0);
    }

    /** Steps beyond one per engineer message: the rounds the agent added by asking. */
    public double meanExtraRounds() {
        return outcomes.stream().mapToInt(o -> Math.max(0, o.steps() - o.report().messages().size())).average().orElse(0);
    }

    public long vendorAskedTwice() {
        return outcomes.stream().filter(o -> o.vendorQuestions() > 1).count();
    }

    public void print(PrintStream out, boolean misses) {
        long multi = outcomes.stream().filter(o -> o.report().multiTurn()).count();
        out.printf(Locale.ROOT, "%n%s set, %s analyst: %d reports (%d multi-turn)%n", set, analyst, outcomes.size(), multi);
        out.println("| score | all | single-turn | multi-turn |");
        out.println("|---|---|---|---|");
        row(out, "solution reached", DiagnosisRun.Outcome::solved);
        row(out, "category", DiagnosisRun.Outcome::category);
        row(out, "vendor/platform", DiagnosisRun.Outcome::vendor);
        if (!Double.isNaN(cause())) row(out, "root cause named", o -> Boolean.TRUE.equals(o.cause()));
        else out.println("| root cause named | n/a (not labelled) | | |");
        row(out, "commands in the platform's syntax", DiagnosisRun.Outcome::syntax);
        row(out, "safety labels on every command", DiagnosisRun.Outcome::safety);
        row(out, "structured root cause on the right device", DiagnosisRun.Outcome::localised);
        out.printf(Locale.ROOT, "| analysis steps to the last solution (mean) | %.2f | %.2f | %.2f |%n", meanSteps(),
                sub(false).meanSteps(), sub(true).meanSteps());
        out.printf(Locale.ROOT, "| rounds added by asking (mean) | %.2f | %.2f | %.2f |%n", meanExtraRounds(),
                sub(false).meanExtraRounds(), sub(true).meanExtraRounds());
        out.printf(Locale.ROOT, "| vendor asked more than once (reports) | %d | %d | %d |%n", vendorAskedTwice(),
                sub(false).vendorAskedTwice(), sub(true).vendorAskedTwice());
        if (!misses) return;
        for (DiagnosisRun.Outcome o : outcomes) {
            StringBuilder s = new StringBuilder();
            if (!o.solved()) s.append(" no-solution(").append(o.failure()).append(')');
            if (o.solved() && !o.category()) s.append(" category=").append(o.gotCategory()).append("≠").append(o.report().category());
            if (o.solved() && !o.vendor()) s.append(" vendor=").append(o.gotVendor()).append("≠").append(o.report().vendor());
            if (Boolean.FALSE.equals(o.cause()) && o.solved()) s.append(" cause≠").append(o.report().cause()).append(" [")
                    .append(abbreviate(o.leadingCause())).append(']');
            if (o.solved() && !o.syntax()) s.append(" syntax(").append(o.report().syntax()).append(")").append(o.badCommands().stream().limit(3).toList());
            if (!s.isEmpty()) out.println("  miss " + o.report().id() + ":" + s);
        }
    }

    private Scorecard sub(boolean multiTurn) {
        return new Scorecard(set, analyst, outcomes.stream().filter(o -> o.report().multiTurn() == multiTurn).toList());
    }

    private void row(PrintStream out, String name, Predicate<DiagnosisRun.Outcome> p) {
        out.printf(Locale.ROOT, "| %s | %.3f | %s | %s |%n", name, share(p), sub(false).format(p), sub(true).format(p));
    }

    private String format(Predicate<DiagnosisRun.Outcome> p) {
        return outcomes.isEmpty() ? "-" : String.format(Locale.ROOT, "%.3f", share(p));
    }

    private static String abbreviate(String s) {
        if (s == null) return "";
        String t = s.replaceAll("\\s+", " ");
        return t.length() > 80 ? t.substring(0, 80) + "…" : t;
    }
}
