package com.ipexpert.bench.diagnosis;

import com.ipexpert.analyst.AnalysisDecision;
import com.ipexpert.analyst.AnalysisDecision.NeedMoreInformation;
import com.ipexpert.analyst.AnalysisDecision.ProposedSolution;
import com.ipexpert.analyst.Analyst;
import com.ipexpert.analyst.AnalystFailure;
import com.ipexpert.analyst.CaseConversation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plays one report through an analyst as a case would go, and scores the last solution. The engineer's messages are
 * sent in order: the first opens the case; each later one answers the agent's questions, or, when the agent already
 * proposed a solution, reports back on it as the next turn ("tried it, still failing"). Questions asked after the
 * messages ran out are answered "not sure", at most {@value #EXTRA_ANSWERS} times. No knowledge passages are given:
 * the evaluation measures the analyst's own reading.
 */
public final class DiagnosisRun {

    static final int EXTRA_ANSWERS = 3;
    static final Set<String> SAFETY_LABELS = Set.of("read-only", "config-change", "service-affecting");
    private static final Pattern FIRST_CAUSE = Pattern.compile("(?m)^\\s*1[.)、]\\s*(.+)$");
    private static final Pattern ASKS_VENDOR = Pattern.compile("(?i)vendor|厂商|platform|平台|show version|display version");

    /** How one report fared. {@code cause} is null when the set does not label root causes. */
    public record Outcome(EvaluationReport report, boolean solved, boolean category, boolean vendor, Boolean cause,
                          boolean syntax, boolean safety, boolean localised, int steps, int vendorQuestions, String failure,
                          String gotCategory, String gotVendor, String leadingCause, List<String> badCommands) {
    }

    private DiagnosisRun() {
    }

    public static Outcome play(Analyst analyst, EvaluationReport report) {
        List<String> messages = report.messages();
        boolean chinese = messages.get(0).codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
        List<CaseConversation.Turn> turns = new ArrayList<>();
        int next = 1;
        int extra = 0;
        int steps = 0;
        int vendorQuestions = 0;
        ProposedSolution last = null;
        String failure = null;
        while (true) {
            AnalysisDecision decision;
            try {
                decision = analyst.analyse(new CaseConversation(messages.get(0), turns), List.of());
            } catch (AnalystFailure | IllegalStateException e) {
                failure = e.getMessage();
                break;
            }
            steps++;
            if (decision instanceof NeedMoreInformation ask) {
                vendorQuestions += (int) ask.suggestedQuestions().stream().filter(q -> ASKS_VENDOR.matcher(q).find()).count();
                String answer;
                if (next < messages.size()) answer = messages.get(next++);
                else if (extra++ < EXTRA_ANSWERS) answer = chinese ? "不清楚" : "not sure";
                else break;
                turns.add(new CaseConversation.Turn(ask.analysis(), ask.suggestedQuestions(), answer));
            } else {
                last = (ProposedSolution) decision;
                if (next >= messages.size()) break;
                turns.add(new CaseConversation.Turn(last.answer(), List.of(), messages.get(next++)));
            }
            if (steps > messages.size() + EXTRA_ANSWERS + 2) break;
        }
        if (last == null || next < messages.size()) {
            return new Outcome(report, false, false, false, report.causePattern() == null ? null : false, false, false, false, steps,
                    vendorQuestions, failure == null ? "no solution after every message" : failure, null, null, null, List.of());
        }
        String leading = leadingCause(last);
        List<String> bad = last.commands().stream().filter(c -> !PlatformSyntax.inSyntax(c, report.syntax())).toList();
        Boolean cause = report.causePattern() == null ? null : leading != null && report.causePattern().matcher(leading).find();
        return new Outcome(report, true, report.category().equals(last.category()), Objects.equals(report.vendor(), last.vendor()),
                cause, !last.commands().isEmpty() && bad.isEmpty(), labelled(last), localised(last, report), steps, vendorQuestions, null,
                last.category(), last.vendor(), leading, bad);
    }

    /**
     * The cause the solution names first: the first numbered cause of the answer (as a reader meets it), else its
     * structured root cause, else the answer's opening.
     */
    static String leadingCause(ProposedSolution solution) {
        String answer = solution.answer() == null ? "" : solution.answer();
        Matcher m = FIRST_CAUSE.matcher(answer);
        if (m.find()) return m.group(1);
        if (solution.trace().get("rootCause") instanceof Map<?, ?> root) {
            StringBuilder s = new StringBuilder();
            for (String key : List.of("faultType", "summary")) {
                if (root.get(key) != null) s.append(root.get(key)).append(' ');
            }
            if (!s.isEmpty()) return s.toString().strip();
        }
        return answer.substring(0, Math.min(400, answer.length()));
    }

    /**
     * Localisation, scored apart from the cause as NIKA does: the solution records a structured root cause whose
     * device names the expected vendor/platform and which names a fault type.
     */
    static boolean localised(ProposedSolution solution, EvaluationReport report) {
        if (!(solution.trace().get("rootCause") instanceof Map<?, ?> root)) return false;
        Object device = root.get("device");
        if (report.vendor() == null) return device == null && root.get("faultType") != null;
        return device != null && report.vendor() != null && device.toString().toLowerCase().contains(report.vendor().toLowerCase())
                && root.get("faultType") != null;
    }

    /** Every command carries one of the three safety labels in the step's record. */
    static boolean labelled(ProposedSolution solution) {
        if (solution.commands().isEmpty()) return false;
        if (!(solution.trace().get("commandSafety") instanceof Collection<?> labels)) return false;
        int n = 0;
        for (Object o : labels) {
            if (!(o instanceof Map<?, ?> m) || !SAFETY_LABELS.contains(String.valueOf(m.get("safety")))) return false;
            if (solution.commands().contains(String.valueOf(m.get("command")))) n++;
        }
        return n >= solution.commands().size();
    }
}
