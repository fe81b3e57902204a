package com.ipexpert.analyst.offline;

import static org.assertj.core.api.Assertions.assertThat;

import com.ipexpert.analyst.AnalysisDecision;
import com.ipexpert.analyst.AnalysisDecision.NeedMoreInformation;
import com.ipexpert.analyst.AnalysisDecision.ProposedSolution;
import com.ipexpert.analyst.Evidence;
import com.ipexpert.analyst.classification.Classification;
import com.ipexpert.analyst.classification.FaultCategory;
import com.ipexpert.analyst.classification.FaultClassifier;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Runs the offline analyst over the evaluation set in {@code offline-eval.tsv} and measures three things: the share
 * of cases put in the right fault category, the share given the right vendor (or none when the text does not say),
 * and the share of solutions whose every command is in the expected vendor's syntax. Every case is played to a
 * solution, the engineer answering "don't know" to each clarification, with passages for three vendors' CLIs on
 * offer so that commands pulled from evidence are put to the test too.
 */
class OfflineEvaluationTest {

    // thresholds sit just under what offline-rules-2 achieves on this set; a drop means a rule change broke something
    static final double MIN_CATEGORY_ACCURACY = 0.98;
    static final double MIN_VENDOR_ACCURACY = 0.98;
    static final double MIN_SYNTAX_SHARE = 1.0;

    record Case(String category, String vendor, String text) {
    }

    private final FaultClassifier classifier = new FaultClassifier();
    private final OfflineAnalyst analyst = new OfflineAnalyst(classifier);

    @Test
    void the_offline_analyst_classifies_and_answers_the_evaluation_set_well_enough() throws IOException {
        List<Case> cases = evaluationSet();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(40);
        assertThat(cases.stream().map(c -> FaultCategory.fromLabel(c.category()).orElseThrow()).collect(Collectors.toSet()))
                .as("every category is represented").isEqualTo(EnumSet.allOf(FaultCategory.class));

        int rightCategory = 0;
        int rightVendor = 0;
        int solutions = 0;
        int inVendorSyntax = 0;
        List<String> misses = new ArrayList<>();
        for (Case c : cases) {
            Classification got = classifier.classify(c.text());
            if (got.categoryName().equals(c.category())) rightCategory++;
            else misses.add("category " + got.categoryName() + " != " + c.category() + " : " + c.text());
            if (Objects.equals(got.vendorName(), c.vendor())) rightVendor++;
            else misses.add("vendor " + got.vendorName() + " != " + c.vendor() + " : " + c.text());

            ProposedSolution solution = playToSolution(c.text(), passagesFor(c.category()));
            solutions++;
            List<String> wrong = solution.commands().stream().filter(cmd -> !inSyntaxOf(cmd, c.vendor())).toList();
            if (wrong.isEmpty() && !solution.commands().isEmpty()) inVendorSyntax++;
            else misses.add("syntax for " + c.vendor() + " " + wrong + " : " + c.text());
        }
        double category = (double) rightCategory / cases.size();
        double vendor = (double) rightVendor / cases.size();
        double syntax = (double) inVendorSyntax / solutions;
        System.out.printf(Locale.ROOT, "offline analyst evaluation (%d cases): category %.3f, vendor %.3f, command syntax %.3f%n",
                cases.size(), category, vendor, syntax);
        misses.forEach(m -> System.out.println("  miss: " + m));

        assertThat(category).as("share classified to the right category").isGreaterThanOrEqualTo(MIN_CATEGORY_ACCURACY);
        assertThat(vendor).as("share given the right vendor").isGreaterThanOrEqualTo(MIN_VENDOR_ACCURACY);
        assertThat(syntax).as("share of solutions in the vendor's syntax").isGreaterThanOrEqualTo(MIN_SYNTAX_SHARE);
    }

    /** Answers every clarification with "don't know" until a solution comes, which must be within three steps. */
    private ProposedSolution playToSolution(String question, List<Evidence> evidence) {
        boolean chinese = question.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
        Conversations conversation = Conversations.asking(question);
        for (int step = 0; step < 3; step++) {
            AnalysisDecision decision = analyst.analyse(conversation.build(), evidence);
            if (decision instanceof ProposedSolution solution) return solution;
            conversation.answered(((NeedMoreInformation) decision).suggestedQuestions(), chinese ? "不清楚" : "not sure");
        }
        throw new AssertionError("no solution after two clarification turns for: " + question);
    }

    /** One passage per CLI family, all about the case's category, each with its own commands in a procedure. */
    private static List<Evidence> passagesFor(String category) {
        return List.of(
                Passages.passage("vrp").vendor("Huawei").tags(category.toLowerCase(Locale.ROOT)).score(0.8).text(category
                        + " 故障排查步骤：\n1. 执行 display current-configuration 检查配置\n2. <HUAWEI> display logbuffer\n3. reset counters interface").build(),
                Passages.passage("ios").vendor("Cisco").tags(category.toLowerCase(Locale.ROOT)).score(0.7).text(category
                        + " troubleshooting:\nRouter# show running-config\nRouter# show logging\nThen clear counters and watch again.").build(),
                Passages.passage("junos").vendor("Juniper").tags(category.toLowerCase(Locale.ROOT)).score(0.6).text(category
                        + " troubleshooting on Junos:\nuser@mx> show configuration | display set\nuser@mx> show log messages | match error").build());
    }

    private static final Pattern VRP = Pattern.compile("^(display|ping|tracert|reset|undo|debugging|refresh|terminal|system-view|save) .*");
    private static final Pattern IOS = Pattern.compile("^(show|ping|traceroute|trace|clear|debug|undebug|no|terminal) .*");
    private static final Pattern JUNOS = Pattern.compile("^(show|ping|traceroute|clear|monitor|request|set|delete|restart) .*");
    private static final Pattern JUNOS_ONLY = Pattern.compile("^show (configuration|chassis|security|log messages|interfaces (terse|extensive|diagnostics))|\\| (match|display set)");
    private static final Pattern IOS_ONLY = Pattern.compile("^show (ip |running-config|run$|startup-config|standby|logging|crypto|access-lists)|\\| (include|section|begin) ");

    /** An independent reading of "in this vendor's syntax", deliberately not the analyst's own checker. */
    static boolean inSyntaxOf(String command, String vendor) {
        String c = command.strip();
        boolean vrp = VRP.matcher(c).matches();
        boolean ios = IOS.matcher(c).matches() && !JUNOS_ONLY.matcher(c).find();
        if (vendor == null) return vrp || ios;
        return switch (vendor) {
            case "Huawei", "H3C" -> vrp;
            case "Cisco", "ZTE", "Ruijie" -> ios;
            case "Juniper" -> JUNOS.matcher(c).matches() && !IOS_ONLY.matcher(c).find();
            default -> throw new IllegalArgumentException(vendor);
        };
    }

    static List<Case> evaluationSet() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(OfflineEvaluationTest.class.getResourceAsStream("/offline-eval.tsv")), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] cols = line.split("\t", 3);
                cases.add(new Case(cols[0], "-".equals(cols[1]) ? null : cols[1], cols[2]));
            }
        }
        return cases;
    }

}
