package com.ipexpert.analyst.offline;

import com.ipexpert.analyst.Evidence;
import com.ipexpert.analyst.classification.Classification;
import com.ipexpert.analyst.classification.Vendor;
import com.ipexpert.analyst.cli.CommandSafety;
import com.ipexpert.analyst.cli.CommandSyntax;
import com.ipexpert.analyst.cli.EvidenceCommands;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the solution: the causes weighed against the case (confirmed first, then open, ruled-out ones last, each
 * with the sentence or output lines that decided it); the read-only checks to run, in the platform's syntax and
 * filled with the engineer's identifiers, each labelled; then, only after the checks, the changes that fix the
 * leading causes, each labelled, with its rollback, and a warning for any that interrupts service; and the passages
 * cited. Answers in the engineer's language.
 */
final class SolutionComposer {

    static final int MAX_FINDINGS = 4;
    static final int MAX_RULED_OUT_SHOWN = 2;
    static final int MAX_PLAYBOOK_COMMANDS = 8;
    /** With the vendor unknown every step comes in two spellings, so more lines for the same steps. */
    static final int MAX_PLAYBOOK_COMMANDS_UNKNOWN_VENDOR = 10;
    static final int MAX_EVIDENCE_COMMANDS = 5;
    static final int MAX_FACT_LINES = 6;
    static final int EXCERPT_LENGTH = 90;

    /** A change to make once the checks confirm its cause, with its label and how to undo it. */
    record Change(String cause, String command, CommandSafety safety, String rollback) {
        Map<String, Object> toTrace() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cause", cause);
            m.put("command", command);
            m.put("safety", safety.label());
            m.put("rollback", rollback);
            return m;
        }
    }

    /** A composed solution, with what the audit trace records about how it was made. */
    record Solution(String answer, List<String> commands, List<String> commandsFromEvidence, List<String> findings,
                    List<String> findingsRuledOut, boolean commonCausesOnly, List<Change> changes) {
    }

    private SolutionComposer() {
    }

    static Solution compose(Playbook playbook, Classification classification, CaseFacts facts, Language language,
                            List<Hypotheses.Hypothesis> hypotheses, boolean commonOnly, List<EvidenceRelevance.Judged> cited,
                            List<String> stillMissing, VendorCommand.Placeholders placeholders, boolean nxos,
                            DeviceOutput output, String engineerText) {
        Vendor vendor = classification.vendor();
        List<Hypotheses.Hypothesis> open = hypotheses.stream().filter(h -> h.status() != Hypotheses.Status.RULED_OUT).limit(MAX_FINDINGS).toList();
        List<Hypotheses.Hypothesis> ruledOut = hypotheses.stream().filter(h -> h.status() == Hypotheses.Status.RULED_OUT).limit(MAX_RULED_OUT_SHOWN).toList();
        List<Hypotheses.Hypothesis> shown = new ArrayList<>(open);
        shown.addAll(ruledOut);
        List<Finding> checkedCauses = open.stream().map(Hypotheses.Hypothesis::finding).toList();

        List<String> commands = checkCommands(playbook, checkedCauses, vendor, placeholders, nxos);
        List<String> fromEvidence = evidenceCommands(cited, vendor, commands, placeholders, engineerText, nxos);
        List<String> all = new ArrayList<>(commands);
        all.addAll(fromEvidence);
        List<Change> changes = new ArrayList<>(changes(open, playbook, vendor, placeholders, nxos));
        changes.addAll(howTo(engineerText, cited, vendor, placeholders));

        boolean zh = language == Language.CHINESE;
        StringBuilder a = new StringBuilder();
        a.append(zh ? "判断：" : "Assessment: ").append(categoryPhrase(classification, zh)).append(zh ? "；设备厂商：" : "; vendor: ")
                .append(vendorPhrase(vendor, zh)).append(zh ? "。\n" : ".\n");
        List<String> basis = new ArrayList<>(classification.categoryKeywords().stream().limit(5).toList());
        classification.vendorClues().stream().limit(3).map(c -> c.substring(c.indexOf(": ") + 2)).forEach(basis::add);
        if (!basis.isEmpty()) a.append(zh ? "依据：" : "Based on: ").append(String.join(zh ? "、" : ", ", basis)).append('\n');
        List<String> seen = facts.observations().stream().limit(5).toList();
        if (!seen.isEmpty()) a.append(zh ? "已知现象：" : "Reported: ").append(String.join(zh ? "、" : ", ", seen)).append('\n');
        if (!output.facts().isEmpty()) {
            a.append(zh ? "从粘贴的设备输出中读到：\n" : "Read from the pasted device output:\n");
            output.facts().stream().limit(MAX_FACT_LINES).forEach(f -> a.append("  - ").append(f.kind()).append(' ')
                    .append(f.subject() == null ? "" : f.subject() + " ").append("= ").append(f.value()).append('\n'));
        }
        if (output.truncated()) {
            a.append(zh ? "（粘贴内容过长，只读取了前 " + output.parsedChars() + " 个字符）\n"
                    : "(the pasted text is long: only its first " + output.parsedChars() + " characters were read)\n");
        }

        a.append('\n').append(commonOnly && hypotheses.stream().noneMatch(h -> h.status() == Hypotheses.Status.CONFIRMED)
                ? (zh ? "描述中没有指向具体原因的现象，按本类故障最常见的原因排查：\n" : "Nothing in the description points at one cause yet; the most common causes of this kind of fault:\n")
                : (zh ? "可能原因（已证实的在前，您已排除的在后）：\n" : "Likely causes (confirmed first, those you ruled out last):\n"));
        int n = 1;
        for (Hypotheses.Hypothesis h : shown) {
            a.append(n++).append(". ").append(zh ? h.finding().zh() : h.finding().en());
            a.append(statusNote(h, zh)).append('\n');
        }

        if (!all.isEmpty()) {
            a.append('\n').append(zh ? "先执行以下只读检查并保存输出：\n" : "First run these checks and keep the output:\n");
            for (int i = 0; i < all.size(); i++) {
                a.append(i + 1).append(") ").append(all.get(i)).append("  [").append(CommandSafety.of(all.get(i)).label()).append("]\n");
            }
            if (!fromEvidence.isEmpty()) {
                String range = fromEvidence.size() == 1 ? String.valueOf(all.size()) : (commands.size() + 1) + "-" + all.size();
                a.append(zh ? "其中第 " + range + " 条摘自参考资料。\n"
                        : (fromEvidence.size() == 1 ? "Command " : "Commands ") + range + (fromEvidence.size() == 1 ? " is" : " are")
                        + " taken from the cited passages.\n");
            }
            if (all.stream().anyMatch(CommandSyntax::changesState)) {
                a.append(zh ? "注意：reset/clear/undo 等命令会重置会话、清除统计或修改配置，请确认影响后在维护窗口执行。\n"
                        : "Note: reset/clear/undo-type commands restart sessions, clear counters or change configuration; run them in a maintenance window.\n");
            }
        }
        if (!changes.isEmpty()) {
            a.append('\n').append(zh ? "检查证实原因之后再做变更（每条附回退命令）：\n" : "Only once the checks confirm the cause, change (each with its rollback):\n");
            for (Change c : changes) {
                a.append("- ").append(c.command()).append("  [").append(c.safety().label()).append("]\n");
                a.append(zh ? "  回退：" : "  rollback: ").append(c.rollback()).append('\n');
                if (c.safety() == CommandSafety.SERVICE_AFFECTING) {
                    a.append(zh ? "  ⚠ 警告：该操作会中断业务（会话或进程重建），请在维护窗口执行。\n"
                            : "  ⚠ Warning: this interrupts service (a session or process restarts); run it in a maintenance window.\n");
                }
            }
        }
        if (vendor == null) {
            a.append(zh ? "未能确定设备厂商：命令同时给出华为/华三（display）和思科类（show）两种写法，请按设备选用；如为其他平台（Juniper、FRRouting、Linux、Arista、Nokia、MikroTik）请告知。\n"
                    : "The vendor is not known: each command is given in the Huawei/H3C (display) and the Cisco-style (show) spelling; pick the one your device speaks, or say which other platform it is (Juniper, FRRouting, Linux, Arista, Nokia, MikroTik).\n");
        }

        a.append('\n');
        List<EvidenceRelevance.Judged> citedOnly = cited.stream().filter(EvidenceRelevance.Judged::cited).toList();
        if (citedOnly.isEmpty()) {
            a.append(zh ? "知识库中没有检索到与本案例直接相关的资料，以上基于通用排查经验。\n"
                    : "No passage in the knowledge base matched this case closely; the above is general troubleshooting practice.\n");
        } else {
            a.append(zh ? "参考资料：\n" : "Sources:\n");
            int k = 1;
            for (EvidenceRelevance.Judged j : citedOnly) a.append('[').append(k++).append("] ").append(sourceLine(j.evidence(), zh)).append('\n');
        }
        if (!stillMissing.isEmpty()) {
            a.append(zh ? "说明：仍缺少" + String.join("、", stillMissing) + "，以上按常见原因给出；补充后可以得到更有针对性的建议。\n"
                    : "Still missing: " + String.join(", ", stillMissing) + "; the above follows the common causes, and more detail would sharpen it.\n");
        }

        return new Solution(a.toString().strip(), List.copyOf(all), fromEvidence,
                shown.stream().map(h -> h.finding().id()).toList(),
                ruledOut.stream().map(h -> h.finding().id()).toList(), commonOnly, List.copyOf(changes));
    }

    private static String statusNote(Hypotheses.Hypothesis h, boolean zh) {
        String because = h.because().isEmpty() ? "" : String.join(zh ? "”与“" : "\" and \"", h.because().stream().map(SolutionComposer::shorten).toList());
        return switch (h.status()) {
            case CONFIRMED -> zh ? "（已证实，依据：“" + because + "”）" : " (confirmed by \"" + because + "\")";
            case RULED_OUT -> zh ? "（您已排除：“" + because + "”，排在后面，如有疑问请复核）" : " (you ruled this out: \"" + because + "\"; listed last, re-verify if in doubt)";
            case OPEN -> h.notYetChecked() ? (zh ? "（您提到尚未检查：“" + because + "”，建议优先检查）" : " (you said this is not checked yet: \"" + because + "\"; check it first)") : "";
        };
    }

    private static String shorten(String s) {
        String t = s.strip().replaceAll("\\s+", " ");
        return t.length() > 120 ? t.substring(0, 120) + "…" : t;
    }

    /**
     * The checks of leading causes, then the playbook's first state command, then the other causes' checks, then the
     * remaining state commands; on Linux, SR OS and RouterOS the platform table's checks; FRRouting adds the Linux
     * ones for what vtysh does not show.
     */
    static List<String> checkCommands(Playbook playbook, List<Finding> causes, Vendor vendor, VendorCommand.Placeholders placeholders, boolean nxos) {
        List<String> lines = new ArrayList<>();
        if (PlatformDialects.speaksPlaybooks(vendor)) lines.addAll(playbookCommands(playbook, causes, vendor, placeholders));
        if (vendor != null && (vendor.cliFamily() == Vendor.CliFamily.FRR || !PlatformDialects.speaksPlaybooks(vendor))) {
            Vendor.CliFamily table = vendor.cliFamily() == Vendor.CliFamily.FRR ? Vendor.CliFamily.LINUX : vendor.cliFamily();
            for (String c : PlatformDialects.checks(table, playbook.category())) {
                // an FRRouting box runs FRR's daemons, not bird's
                if (vendor.cliFamily() == Vendor.CliFamily.FRR && c.matches("^(birdc|journalctl -u bird) .*")) continue;
                lines.add(placeholders.fill(c));
            }
        }
        int max = vendor == null ? MAX_PLAYBOOK_COMMANDS_UNKNOWN_VENDOR : MAX_PLAYBOOK_COMMANDS;
        Set<String> seen = new LinkedHashSet<>();
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            String l = nxos ? PlatformDialects.nxos(line) : line;
            if (out.size() < max && seen.add(key(l))) out.add(l);
        }
        return out;
    }

    static List<String> playbookCommands(Playbook playbook, List<Finding> causes, Vendor vendor, VendorCommand.Placeholders placeholders) {
        List<VendorCommand> steps = new ArrayList<>();
        List<VendorCommand> base = playbook.commands();
        causes.stream().filter(Finding::leads).forEach(f -> steps.addAll(f.checks()));
        if (!base.isEmpty()) steps.add(base.get(0));
        causes.stream().filter(f -> !f.leads()).forEach(f -> steps.addAll(f.checks()));
        if (base.size() > 1) steps.addAll(base.subList(1, base.size()));
        List<String> out = new ArrayList<>();
        for (VendorCommand step : steps) out.addAll(step.render(vendor, placeholders));
        return out;
    }

    /** The fixes of the open causes (at most the first two that have one), for the platform, with their rollback. */
    static List<Change> changes(List<Hypotheses.Hypothesis> open, Playbook playbook, Vendor vendor, VendorCommand.Placeholders placeholders, boolean nxos) {
        List<Change> out = new ArrayList<>();
        if (vendor != null && !PlatformDialects.speaksPlaybooks(vendor)) {
            for (PlatformDialects.Fix f : PlatformDialects.fixes(vendor.cliFamily(), playbook.category())) {
                String change = placeholders.fill(f.change());
                out.add(new Change(open.isEmpty() ? null : open.get(0).finding().id(), change, CommandSafety.of(change), placeholders.fill(f.rollback())));
            }
            return out;
        }
        for (Hypotheses.Hypothesis h : open) {
            if (out.size() >= 2) break;
            VendorCommand fix = h.finding().fix();
            if (fix == null) continue;
            for (String line : fix.render(vendor, placeholders)) {
                String change = nxos ? PlatformDialects.nxos(line) : line;
                Vendor.CliFamily family = vendor != null ? vendor.cliFamily() : (CommandSyntax.matchesVendor(change, Vendor.HUAWEI) ? Vendor.CliFamily.DISPLAY : Vendor.CliFamily.SHOW);
                out.add(new Change(h.finding().id(), change, CommandSafety.of(change), Rollback.of(change, family)));
            }
        }
        return out;
    }

    /** "how do I set the timers", "怎么配置 timers": what the engineer asks how to configure. */
    private static final Pattern HOW_TO = Pattern.compile("(?i)how (?:do|can|should|to) (?:i |we )?(?:set|configure|change|tune|adjust|enable)\\s+(?:up\\s+)?(?:the\\s+|a\\s+)?([A-Za-z][\\w-]+)"
            + "|(?:怎么|如何|怎样)(?:配置|设置|修改|调整|开启)\\s*([A-Za-z][\\w-]+|[\\u4e00-\\u9fff]{2,4})");
    private static final Pattern CONFIG_LINE = Pattern.compile("(?i)^(?:[<\\[][^>\\]]{1,40}[>\\]]|[\\w.-]+(?:\\([\\w-]+\\))?#)?\\s*((?:neighbor|peer|timers?|set|ip|ipv6|ospf|bgp|isis|router|interface|undo|no|mtu|vrrp|standby|area|network|authentication|keepalive)\\s+\\S.*)$");
    private static final Pattern MANUAL_PEER = Pattern.compile("(?<![\\w-])(PEER|PEER-ADDRESS|NEIGHBOR-ADDRESS|peer-address|ip-address|ipv4-address|<peer[^>]*>|<neighbor[^>]*>|<ip-address>|\\{peer\\})(?![\\w-])");

    /**
     * Answers "how do I set the timers": configuration lines of the cited passages about what the engineer asks
     * to set, with the manual's example peer replaced by the engineer's, each a change with its rollback.
     */
    static List<Change> howTo(String engineerText, List<EvidenceRelevance.Judged> cited, Vendor vendor, VendorCommand.Placeholders placeholders) {
        if (engineerText == null) return List.of();
        Matcher ask = HOW_TO.matcher(engineerText);
        if (!ask.find()) return List.of();
        String topic = (ask.group(1) != null ? ask.group(1) : ask.group(2)).toLowerCase(Locale.ROOT);
        String stem = topic.endsWith("s") && topic.length() > 4 ? topic.substring(0, topic.length() - 1) : topic;
        List<Change> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (EvidenceRelevance.Judged j : cited) {
            if (!j.cited() || j.evidence().text() == null) continue;
            for (String raw : j.evidence().text().split("\\R")) {
                Matcher m = CONFIG_LINE.matcher(raw.strip());
                if (!m.matches() || !m.group(1).toLowerCase(Locale.ROOT).contains(stem)) continue;
                String line = m.group(1).strip().replaceAll("\\s+", " ");
                if (line.length() > 160) continue;
                String peer = placeholders.peer() == null ? "<peer-ip>" : placeholders.peer();
                line = MANUAL_PEER.matcher(line).replaceAll(Matcher.quoteReplacement(peer));
                line = ownIdentifiers(line, placeholders, engineerText);
                if (vendor != null && !CommandSyntax.matchesVendor(line, vendor) && !configFits(line, vendor)) continue;
                if (!seen.add(key(line)) || out.size() >= 3) continue;
                Vendor.CliFamily family = vendor != null ? vendor.cliFamily() : Vendor.CliFamily.SHOW;
                out.add(new Change("asked: how to set " + topic, line, CommandSafety.of(line), Rollback.of(line, family)));
            }
        }
        return out;
    }

    /** A configuration line (not an operational command) in a family's words: "neighbor ..." is IOS-style, "peer ..." VRP. */
    private static boolean configFits(String line, Vendor vendor) {
        String l = line.toLowerCase(Locale.ROOT);
        return switch (vendor.cliFamily()) {
            case DISPLAY -> !l.startsWith("neighbor ") && !l.startsWith("no ") && !l.startsWith("set ");
            case SHOW, EOS, FRR -> !l.startsWith("peer ") && !l.startsWith("undo ") && !l.startsWith("set ");
            case JUNOS -> l.startsWith("set ") || l.startsWith("delete ");
            default -> false;
        };
    }

    private static final Pattern IPV4 = Pattern.compile("(?<![0-9.])(?:[0-9]{1,3}\\.){3}[0-9]{1,3}(?![0-9.])");
    private static final Pattern IPV6 = Pattern.compile("(?<![0-9A-Fa-f:])(?:[0-9A-Fa-f]{1,4}:){1,7}:?(?:[0-9A-Fa-f]{1,4})?(?::[0-9A-Fa-f]{1,4})*(?![0-9A-Fa-f:])");

    private static List<String> evidenceCommands(List<EvidenceRelevance.Judged> judged, Vendor vendor, List<String> already,
                                                 VendorCommand.Placeholders placeholders, String engineerText, boolean nxos) {
        Set<String> seen = new LinkedHashSet<>();
        already.forEach(c -> seen.add(key(c)));
        List<String> looking = new ArrayList<>();
        List<String> changing = new ArrayList<>();
        for (EvidenceRelevance.Judged j : judged) {
            if (!j.cited()) continue;
            for (String raw : EvidenceCommands.extract(j.evidence().text(), vendor)) {
                String c = ownIdentifiers(raw, placeholders, engineerText);
                if (nxos) c = PlatformDialects.nxos(c);
                if (!seen.add(key(c))) continue;
                (CommandSyntax.changesState(c) ? changing : looking).add(c);
            }
        }
        // look before touching: state-changing lines from a procedure go after every read-only one
        List<String> ordered = new ArrayList<>(looking);
        ordered.addAll(changing);
        return List.copyOf(ordered.subList(0, Math.min(MAX_EVIDENCE_COMMANDS, ordered.size())));
    }

    /**
     * A manual's command with the manual's example addresses replaced by the peer the engineer named (or a
     * placeholder): {@code show bgp neighbors 2001:DB8::2} becomes {@code show bgp neighbors 10.0.0.2}.
     */
    static String ownIdentifiers(String command, VendorCommand.Placeholders placeholders, String engineerText) {
        String text = engineerText == null ? "" : engineerText.toLowerCase(Locale.ROOT);
        String peer = placeholders.peer() == null ? "<peer-ip>" : placeholders.peer();
        String out = replaceUnknown(IPV4, command, text, peer);
        return replaceUnknown(IPV6, out, text, peer);
    }

    private static String replaceUnknown(Pattern p, String command, String text, String with) {
        Matcher m = p.matcher(command);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String found = m.group();
            boolean address = p == IPV4 || found.contains("::") || found.chars().filter(ch -> ch == ':').count() >= 3;
            String r = !address || text.contains(found.toLowerCase(Locale.ROOT)) ? found : with;
            m.appendReplacement(sb, Matcher.quoteReplacement(r));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String sourceLine(Evidence e, boolean zh) {
        StringBuilder s = new StringBuilder(e.fileName() == null || e.fileName().isBlank() ? String.valueOf(e.docId()) : e.fileName());
        if (e.location() != null && !e.location().isBlank()) s.append(zh ? "（" : " (").append(e.location()).append(zh ? "）" : ")");
        String text = e.text() == null ? "" : e.text().strip().replaceAll("\\s+", " ");
        if (!text.isEmpty()) {
            String excerpt = text.length() > EXCERPT_LENGTH ? text.substring(0, EXCERPT_LENGTH) + "…" : text;
            s.append(zh ? "：“" : ": \"").append(excerpt).append(zh ? "”" : "\"");
        }
        return s.toString();
    }

    static String categoryPhrase(Classification c, boolean zh) {
        return switch (c.category()) {
            case OTHER -> zh ? "暂未归入具体故障类别" : "no specific fault category yet";
            default -> zh ? c.categoryName() + " 类故障" : c.categoryName() + " fault";
        };
    }

    static String vendorPhrase(Vendor vendor, boolean zh) {
        if (vendor == null) return zh ? "尚未确定" : "not known yet";
        return zh ? vendor.chineseName() + "（" + vendor.label() + "）" : vendor.label();
    }

    private static String key(String command) {
        return command.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
