package com.ipexpert.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code key=value} arguments and percentiles, shared by the benchmarks. */
public final class BenchArgs {
    private BenchArgs() {
    }

    public static Map<String, String> parse(String[] args) {
        Map<String, String> out = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq > 0) out.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        return out;
    }

    public static double percentile(List<Double> values, double p) {
        List<Double> sorted;
        synchronized (values) {
            sorted = new ArrayList<>(values);
        }
        if (sorted.isEmpty()) return Double.NaN;
        sorted.sort(Double::compare);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
