package com.ipexpert.analyst.offline;

import com.ipexpert.analyst.Evidence;
import com.ipexpert.analyst.classification.Classification;
import com.ipexpert.analyst.classification.Vendor;
import com.ipexpert.analyst.cli.CommandSyntax;
import com.ipexpert.analyst.cli.EvidenceCommands;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Writes the solution: the likely causes the engineer's text points at (or the most common ones of the category
 * when it points at none), each with what to check and the usual fix in the vendor's syntax; the commands to run
 * in order, the playbook's first and then any the cited passages contain in the same syntax; and the passages
 * cited. Answers in the engineer's language.
 */
final class SolutionComposer {

    static final int MAX_FINDINGS = 4;
    static final int MAX_COMMON_FINDINGS = 3;
    static final int MAX_PLAYBOOK_COMMANDS = 8;
    /** With the vendor unknown every step comes in two spellings, so more lines for the same steps. */
    static final int MAX_PLAYBOOK_COMMANDS_UNKNOWN_VENDOR = 10;
    static final int MAX_EVIDENCE_COMMANDS = 5;
    static final int EXCERPT_LENGTH = 90;

    /** A composed solution, with what the audit trace records about how it was made. */
    record Solution(String answer, List<String> commands, List<String> commandsFromEvidence, List<String> findings,
                    List<String> findingsRuledOut, boolean commonCausesOnly) {
    }

    /** The causes to present, in order: those the text points at (most clues first), else the common ones; ruled-out ones last. */
    record Causes(List<Finding> shown, Set<String> ruledOut, boolean commonOnly) {

        static Causes of(Playbook playbook, List<Finding> pointedAt, String text) {
            boolean commonOnly = pointedAt.isEmpty();
            List<Finding> picked = commonOnly
                    ? playbook.findings().stream().filter(Finding::common).limit(MAX_COMMON_FINDINGS).toList()
                    : pointedAt.stream().limit(MAX_FINDINGS).toList();
            List<Finding> open = new ArrayList<>();
            List<Finding> excluded = new ArrayList<>();
            Set<String> ruledOut = new LinkedHashSet<>();
            for (Finding f : picked) {
                if (f.ruledOutBy(text)) {
                    excluded.add(f);
                    ruledOut.add(f.id());
                } else {
                    open.add(f);
                }
            }
            open.addAll(excluded);
            return new Causes(List.copyOf(open), ruledOut, commonOnly);
        }
    }

    private SolutionComposer() {
    }

    static Solution compose(Playbook playbook, Classification classification, CaseFacts facts, Language language,
                            Causes causes, List<EvidenceRelevance.Judged> cited, List<String> stillMissing) {
        Vendor vendor = classification.vendor();
        VendorCommand.Placeholders placeholders = facts.placeholders();
        List<String> commands = playbookCommands(playbook, causes.shown(), vendor, placeholders);
        List<String> fromEvidence = evidenceCommands(cited, vendor, commands);
        List<String> all = new ArrayList<>(commands);
        all.addAll(fromEvidence);

        boolean zh = language == Language.CHINESE;
        StringBuilder a = new StringBuilder();
        a.append(zh ? "判断：" : "Assessment: ").append(categoryPhrase(classification, zh)).append(zh ? "；设备厂商：" : "; vendor: ")
                .append(vendorPhrase(vendor, zh)).append(zh ? "。\n" : ".\n");
        List<String> basis = new ArrayList<>(classification.categoryKeywords().stream().limit(5).toList());
        classification.vendorClues().stream().limit(3).map(c -> c.substring(c.indexOf(": ") + 2)).forEach(basis::add);
        if (!basis.isEmpty()) a.append(zh ? "依据：" : "Based on: ").append(String.join(zh ? "、" : ", ", basis)).append('\n');
        List<String> seen = facts.observations().stream().limit(5).toList();
        if (!seen.isEmpty()) a.append(zh ? "已知现象：" : "Reported: ").append(String.join(zh ? "、" : ", ", seen)).append('\n');

        a.append('\n').append(causes.commonOnly()
                ? (zh ? "描述中没有指向具体原因的现象，按本类故障最常见的原因排查：\n" : "Nothing in the description points at one cause yet; the most common causes of this kind of fault:\n")
                : (zh ? "可能原因与处理（按与描述的吻合程度排序）：\n" : "Likely causes and what to do (best match with the description first):\n"));
        int n = 1;
        for (Finding f : causes.shown()) {
            a.append(n++).append(". ").append(zh ? f.zh() : f.en());
            if (causes.ruledOut().contains(f.id())) {
                a.append(zh ? "（您提到已检查过其中部分内容，因此排在后面，请复核其余各项）" : " (you said part of this was checked, so it comes later; re-verify the rest)");
            }
            a.append('\n');
            String fix = fixLine(f, vendor, placeholders, zh);
            if (fix != null) a.append("   ").append(fix).append('\n');
        }

        if (!all.isEmpty()) {
            a.append('\n').append(zh ? "建议按以下顺序执行命令并保存输出：\n" : "Run these commands in this order and keep the output:\n");
            for (int i = 0; i < all.size(); i++) a.append(i + 1).append(") ").append(all.get(i)).append('\n');
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
        if (vendor == null) {
            a.append(zh ? "未能确定设备厂商：命令同时给出华为/华三（display）和思科类（show）两种写法，请按设备选用；如为 Juniper 设备请告知，以便给出 Junos 命令。\n"
                    : "The vendor is not known: each command is given in the Huawei/H3C (display) and the Cisco-style (show) spelling; pick the one your device speaks, or say if it is Juniper to get Junos commands.\n");
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
                causes.shown().stream().map(Finding::id).toList(), List.copyOf(causes.ruledOut()), causes.commonOnly());
    }

    /**
     * The checks of leading causes, then the playbook's first state command, then the other shown causes' checks,
     * then the remaining state commands.
     */
    static List<String> playbookCommands(Playbook playbook, List<Finding> causes, Vendor vendor, VendorCommand.Placeholders placeholders) {
        List<VendorCommand> steps = new ArrayList<>();
        List<VendorCommand> base = playbook.commands();
        causes.stream().filter(Finding::leads).forEach(f -> steps.addAll(f.checks()));
        if (!base.isEmpty()) steps.add(base.get(0));
        causes.stream().filter(f -> !f.leads()).forEach(f -> steps.addAll(f.checks()));
        if (base.size() > 1) steps.addAll(base.subList(1, base.size()));
        int max = vendor == null ? MAX_PLAYBOOK_COMMANDS_UNKNOWN_VENDOR : MAX_PLAYBOOK_COMMANDS;
        Set<String> seen = new LinkedHashSet<>();
        List<String> out = new ArrayList<>();
        for (VendorCommand step : steps) {
            for (String line : step.render(vendor, placeholders)) {
                if (out.size() < max && seen.add(key(line))) out.add(line);
            }
        }
        return out;
    }

    private static List<String> evidenceCommands(List<EvidenceRelevance.Judged> judged, Vendor vendor, List<String> already) {
        Set<String> seen = new LinkedHashSet<>();
        already.forEach(c -> seen.add(key(c)));
        List<String> looking = new ArrayList<>();
        List<String> changing = new ArrayList<>();
        for (EvidenceRelevance.Judged j : judged) {
            if (!j.cited()) continue;
            for (String c : EvidenceCommands.extract(j.evidence().text(), vendor)) {
                if (!seen.add(key(c))) continue;
                (CommandSyntax.changesState(c) ? changing : looking).add(c);
            }
        }
        // look before touching: state-changing lines from a procedure go after every read-only one
        List<String> ordered = new ArrayList<>(looking);
        ordered.addAll(changing);
        return List.copyOf(ordered.subList(0, Math.min(MAX_EVIDENCE_COMMANDS, ordered.size())));
    }

    private static String fixLine(Finding f, Vendor vendor, VendorCommand.Placeholders placeholders, boolean zh) {
        if (f.fix() == null) return null;
        if (vendor != null) {
            String line = f.fix().forVendor(vendor);
            if (line == null) return null;
            return (zh ? "配置参考（" + vendor.chineseName() + "）：" : "Configuration (" + vendor.label() + "): ") + placeholders.fill(line);
        }
        List<String> parts = new ArrayList<>();
        if (f.fix().vrp() != null) parts.add((zh ? "华为/华三：" : "Huawei/H3C: ") + placeholders.fill(f.fix().vrp()));
        if (f.fix().ios() != null) parts.add((zh ? "思科类：" : "Cisco-style: ") + placeholders.fill(f.fix().ios()));
        if (parts.isEmpty()) return null;
        return (zh ? "配置参考：" : "Configuration: ") + String.join(zh ? "；" : "; ", parts);
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
