package com.ipexpert.analyst.offline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The causes of a playbook the case is weighed against, each ruled out, open or confirmed, and by which sentence of
 * the engineer's or which lines of pasted output. Engineers say what they checked in many ways: "Router ID 没有重复",
 * "MTU 两端一致", "not MTU (both 9192)", "already verified the key", "认证没有配置" rule a cause out; "还没有检查 MTU",
 * "haven't checked the MTU yet" keep it open and move it up; a log signature or two pasted MTUs that differ confirm it.
 * What the pasted output shows outweighs what the engineer believes was checked.
 */
final class Hypotheses {

    enum Status {
        CONFIRMED("confirmed"), OPEN("open"), RULED_OUT("ruled out");

        final String label;

        Status(String label) {
            this.label = label;
        }
    }

    /** One cause with its status, the sentence or lines that decided it, and whether the engineer said it is still unchecked. */
    record Hypothesis(Finding finding, Status status, List<String> because, boolean notYetChecked) {
        Map<String, Object> toTrace() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", finding.id());
            m.put("status", status.label);
            m.put("because", because);
            if (notYetChecked) m.put("notYetChecked", true);
            return m;
        }
    }

    /** Clauses: the engineer rules things in and out clause by clause ("已经检查了Router ID没有重复，还没有检查MTU"). */
    private static final Pattern CLAUSE = Pattern.compile("[。；;！？!?\\n，,]|(?<=[a-z)])\\.(\\s|$)");
    private static final String NOT_YET = "(?:还没(?:有)?|尚未|未|没(?:有)?)(?:检查|查看|核对|确认|排查|看|查)(?:过)?|(?:not|n't|never)\\s+(?:yet\\s+)?(?:been\\s+)?(?:checked|verified|looked at|compared)|(?:haven't|have not|didn't|did not)\\s+(?:yet\\s+)?(?:check|verify|look at|compare)(?:ed)?|yet to (?:check|verify)";

    /** Signatures in logs and output that confirm a cause: what a senior engineer reads off the device at once. */
    private static final Map<String, Pattern> SIGNATURES = Map.ofEntries(
            sig("ospf-hello-mismatch", "area mismatch|mismatch(ed)? area|hello (interval )?mismatch|dead (interval )?mismatch|hello.{0,20}不一致|区域(号)?不一致|area.{0,12}(不一致|不同|mismatch)"),
            sig("ospf-authentication", "bad authentication|authentication (failure|failed|mismatch|type mismatch)|auth(entication)? fail|认证失败|认证不一致"),
            sig("ospf-duplicate-router-id", "duplicate router[- ]?id|router[- ]?id (冲突|重复|conflict|collision)|同一个? ?router[- ]?id|router[- ]?id (相同|一样)"),
            sig("ospf-mtu-mismatch", "mtu mismatch|mtu (不一致|不匹配)"),
            sig("isis-mtu-hello-padding", "exceeding mtu|mtu mismatch|mtu (不一致|不匹配)"),
            sig("isis-authentication", "authentication fail|认证失败|auth.{0,12}fail"),
            sig("isis-duplicate-system-id", "duplicate system[- ]?id|DUPLICATE_SYSID|system[- ]?id (冲突|重复)"),
            sig("isis-overload", "overload[- ]bit|(?<![A-Za-z])OL( 标志| flag|位)"),
            sig("bgp-open-error", "bad peer as|peer in wrong as|open message error|bad bgp identifier|unsupported capability"),
            sig("bgp-hold-timer-expiry", "hold time(r)? expired?|hold timer expire"),
            sig("bgp-prefix-limit", "exceed(ed|s)? (the )?(route |prefix )?limit|maximum[- ](routes|prefix(es)?)[^\\n]{0,20}exceed|limit[^\\n]{0,20}exceeded|route_limit|路由(条数|数量)超"),
            sig("bgp-route-policy", "policy rejected|\\(policy\\)|denied by (route-map|policy)"),
            sig("ike-phase1", "phase ?1 (proposal )?mismatch|no proposal chosen.*phase ?1|ike.{0,20}proposal mismatch"),
            sig("l2-loop", "mac[_ -]?flap|mac[- ]address[- ]?(move|flapping|漂移)|mac.{0,6}漂移|广播风暴|broadcast storm"),
            sig("crc-errors", "(?<![0-9])[1-9][0-9]* crc|crc (错包|errors?)[^\\n]{0,10}(增|grow|ris)"),
            sig("optical-power", "rx power low|rx.{0,20}low alarm|laser rx power low|光功率(过)?低"));

    private static Map.Entry<String, Pattern> sig(String id, String regex) {
        return Map.entry(id, Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }

    private Hypotheses() {
    }

    /**
     * Weighs the causes of {@code playbook} the text points at (or its common ones), and any it does not point at but
     * the output confirms: confirmed first, then causes the engineer says are still unchecked, then the other open
     * ones in the order the text points at them, then the ruled-out ones.
     */
    static List<Hypothesis> weigh(Playbook playbook, List<Finding> pointedAt, String text, DeviceOutput output) {
        List<String> clauses = clauses(text);
        Set<Finding> candidates = new LinkedHashSet<>(pointedAt);
        if (pointedAt.isEmpty()) playbook.findings().stream().filter(Finding::common).forEach(candidates::add);
        List<Hypothesis> out = new ArrayList<>();
        for (Finding f : playbook.findings()) {
            List<String> confirmedBy = confirmedBy(f, clauses, output);
            if (!confirmedBy.isEmpty()) {
                out.add(new Hypothesis(f, Status.CONFIRMED, confirmedBy, false));
                candidates.remove(f);
            }
        }
        for (Finding f : candidates) {
            String notYet = clause(clauses, c -> f.topic() != null && notYetChecked(c, f.topic()));
            if (notYet != null) {
                out.add(new Hypothesis(f, Status.OPEN, List.of(notYet), true));
                continue;
            }
            String ruledOut = clause(clauses, c -> !NOT_YET_ANYWHERE.matcher(c).find()
                    && (f.ruledOutBy(c) || (f.topic() != null && negated(c, f.topic()))));
            out.add(ruledOut != null ? new Hypothesis(f, Status.RULED_OUT, List.of(ruledOut), false)
                    : new Hypothesis(f, Status.OPEN, List.of(), false));
        }
        List<Hypothesis> ordered = new ArrayList<>(out);
        ordered.sort(Comparator.comparingInt(Hypotheses::rank));
        return List.copyOf(ordered);
    }

    private static int rank(Hypothesis h) {
        return switch (h.status()) {
            case CONFIRMED -> 0;
            case OPEN -> h.notYetChecked() ? 1 : 2;
            case RULED_OUT -> 3;
        };
    }

    private static List<String> confirmedBy(Finding f, List<String> clauses, DeviceOutput output) {
        List<String> because = new ArrayList<>();
        String id = f.id();
        if (id.contains("mtu")) {
            List<DeviceOutput.Fact> pair = output.mtuMismatch();
            if (pair != null) pair.forEach(fact -> because.add(fact.line()));
        }
        if (id.equals("ospf-hello-mismatch")) {
            List<DeviceOutput.Fact> pair = output.timerMismatch();
            if (pair != null) pair.forEach(fact -> because.add(fact.line()));
        }
        if (id.equals("crc-errors")) {
            output.ofKind("crc-errors").stream().filter(x -> !x.value().equals("0")).limit(1).forEach(x -> because.add(x.line()));
        }
        if (id.equals("optical-power")) {
            output.ofKind("rx-power-dbm").stream().filter(x -> parse(x.value()) <= -12.0).limit(1).forEach(x -> because.add(x.line()));
        }
        Pattern signature = SIGNATURES.get(id);
        if (signature != null && because.isEmpty()) {
            for (String c : clauses) {
                if (signature.matcher(c).find() && !negatedSentence(c)) {
                    because.add(c);
                    break;
                }
            }
        }
        return because;
    }

    private static boolean negatedSentence(String clause) {
        return clause.matches("(?is).*(没有|无|not|no|never|不是|排除).*") && clause.matches("(?is).*(没有.{0,6}(冲突|重复)|no .{0,20}(mismatch|error|duplicate)|not .{0,10}(duplicate|mismatch)|不是).*");
    }

    private static double parse(String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Patterns built from a cause's topic, compiled once per topic. */
    private static final java.util.concurrent.ConcurrentMap<String, Pattern> COMPILED = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Pattern NOT_YET_ANYWHERE = Pattern.compile(NOT_YET, Pattern.CASE_INSENSITIVE);

    private static Pattern compiled(String key, java.util.function.Supplier<Pattern> build) {
        return COMPILED.computeIfAbsent(key, k -> build.get());
    }

    private static boolean notYetChecked(String clause, Pattern topic) {
        Matcher t = topic.matcher(clause);
        if (!t.find()) return false;
        return compiled("not-yet\t" + topic.pattern(), () -> Pattern.compile("(?:" + NOT_YET + ")[^。；;.!?\\n]{0,20}" + "(?:" + topic.pattern() + ")|(?:" + topic.pattern() + ")[^。；;.!?\\n]{0,20}(?:" + NOT_YET + ")",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)).matcher(clause).find();
    }

    /** "not MTU", "MTU is not the problem", "不是 MTU 的问题", "MTU 没问题", "排除了 MTU", "认证没有配置", "no authentication". */
    private static boolean negated(String clause, Pattern topic) {
        if (!topic.matcher(clause).find()) return false;
        String t = "(?:" + topic.pattern() + ")";
        return compiled("negated\t" + topic.pattern(), () -> Pattern.compile("(?<![A-Za-z])not (?:a |an |the )?(?:\\w+ )?" + t + "|" + t + "[^。；;.!?\\n]{0,16}(?:is|are|was) (?:not|no longer) (?:the |a )?(?:problem|issue|cause)"
                        + "|不是[^。；;.!?\\n]{0,6}" + t + "|排除(?:了)?[^。；;.!?\\n]{0,6}" + t + "|" + t + "[^。；;.!?\\n]{0,10}(?:没问题|没有问题|正常|都?没有?配置?|未配置)"
                        + "|" + t + "s? (?:are|is) (?:unique|different|distinct|fine|ok|correct|right|not duplicated)"
                        + "|(?<![A-Za-z])no " + t + "(?: is)? (?:configured|config)|" + t + " (?:is |are )?not configured|(?:neither side|nobody|none of them) (?:has|have|uses?) " + t,
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)).matcher(clause).find();
    }

    private static List<String> clauses(String text) {
        List<String> out = new ArrayList<>();
        for (String c : CLAUSE.split(text == null ? "" : text)) {
            String s = c.strip();
            if (!s.isEmpty()) out.add(s.length() > 200 ? s.substring(0, 200) : s);
        }
        return out;
    }

    private static String clause(List<String> clauses, java.util.function.Predicate<String> p) {
        for (String c : clauses) if (p.test(c)) return c;
        return null;
    }
}
