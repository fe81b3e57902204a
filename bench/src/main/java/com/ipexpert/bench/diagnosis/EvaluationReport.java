package com.ipexpert.bench.diagnosis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One labelled fault report of an evaluation set: what the engineer writes, message by message, and what a senior
 * engineer expects the diagnosis to say (category, vendor, the CLI family of the commands, the root cause).
 * {@code vendor} null means the text does not say; {@code causePattern} null means the set does not label causes.
 */
public record EvaluationReport(String id, String category, String vendor, String platform, String syntax, String cause,
                               Pattern causePattern, List<String> messages) {

    public EvaluationReport {
        messages = List.copyOf(messages);
    }

    public boolean multiTurn() {
        return messages.size() > 1;
    }

    /** The held-out set: blocks of {@code === id}, {@code key: value} labels and {@code > } messages (see the file's header). */
    public static List<EvaluationReport> heldOut() throws IOException {
        return readBlocks(resource("/diagnosis/held-out.txt"));
    }

    /**
     * The development set, the analyst module's {@code offline-eval.tsv} (category, vendor or "-", text): single
     * reports without root-cause labels; the syntax follows from the vendor (either family when it is unknown).
     */
    public static List<EvaluationReport> development() throws IOException {
        List<EvaluationReport> out = new ArrayList<>();
        try (BufferedReader in = reader(resource("/offline-eval.tsv"))) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] cols = line.split("\t", 3);
                String vendor = "-".equals(cols[1]) ? null : cols[1];
                out.add(new EvaluationReport("DEV-%03d".formatted(++n), cols[0], vendor, null, syntaxOf(vendor), null, null, List.of(cols[2])));
            }
        }
        return out;
    }

    private static String syntaxOf(String vendor) {
        if (vendor == null) return "vrp|ios";
        return switch (vendor) {
            case "Huawei" -> "vrp";
            case "H3C" -> "comware";
            case "Cisco" -> "ios";
            case "Juniper" -> "junos";
            case "ZTE" -> "zxr10";
            case "Ruijie" -> "rgos";
            default -> throw new IllegalArgumentException("no syntax for " + vendor);
        };
    }

    static List<EvaluationReport> readBlocks(InputStream stream) throws IOException {
        List<EvaluationReport> out = new ArrayList<>();
        Pattern start = Pattern.compile("^=== ([A-Z]+-[0-9]+)$");
        try (BufferedReader in = reader(stream)) {
            String id = null;
            Map<String, String> labels = new LinkedHashMap<>();
            List<String> messages = new ArrayList<>();
            StringBuilder message = null;
            String line;
            while (true) {
                line = in.readLine();
                var m = line == null ? null : start.matcher(line);
                if (line == null || m.matches()) {
                    if (message != null) messages.add(message.toString().strip());
                    if (id != null) out.add(block(id, labels, messages));
                    if (line == null) break;
                    id = m.group(1);
                    labels = new LinkedHashMap<>();
                    messages = new ArrayList<>();
                    message = null;
                    continue;
                }
                if (id == null) continue;
                if (line.startsWith("> ")) {
                    if (message != null) messages.add(message.toString().strip());
                    message = new StringBuilder(line.substring(2));
                } else if (message != null) {
                    message.append('\n').append(line);
                } else if (line.contains(": ")) {
                    labels.put(line.substring(0, line.indexOf(": ")).strip(), line.substring(line.indexOf(": ") + 2).strip());
                }
            }
        }
        return out;
    }

    private static EvaluationReport block(String id, Map<String, String> labels, List<String> messages) {
        if (messages.isEmpty()) throw new IllegalStateException(id + " has no message");
        return new EvaluationReport(id, require(id, labels, "category"), require(id, labels, "vendor"), labels.get("platform"),
                require(id, labels, "syntax"), require(id, labels, "cause"),
                Pattern.compile(require(id, labels, "cause-re"), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), messages);
    }

    private static String require(String id, Map<String, String> labels, String key) {
        return Objects.requireNonNull(labels.get(key), () -> id + " lacks " + key);
    }

    private static InputStream resource(String name) {
        return Objects.requireNonNull(EvaluationReport.class.getResourceAsStream(name), name + " not on the class path");
    }

    private static BufferedReader reader(InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
