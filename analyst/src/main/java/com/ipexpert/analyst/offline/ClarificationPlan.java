package com.ipexpert.analyst.offline;

import com.ipexpert.analyst.classification.Vendor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Picks the questions for a clarification step: one for each thing still missing first (vendor, symptoms, what
 * was checked, in that order), then more detail on the symptoms (questions of the causes the text points at
 * before the category's general ones), never more than {@value #MAX_QUESTIONS}, and never
 * a question already asked in this case (compared without spaces, punctuation and case).
 */
final class ClarificationPlan {

    static final int MAX_QUESTIONS = 3;

    /** What a clarification can ask for, in the order it matters for a diagnosis. */
    enum Missing {
        VENDOR("vendor and model"), SYMPTOMS("observed symptoms"), CHECKS("what was already checked");

        final String description;

        Missing(String description) {
            this.description = description;
        }
    }

    private static final List<String> VENDOR_ZH = List.of(
            "设备是哪个厂商或平台、什么型号，软件版本是多少？（例如 华为 NE40E V800R011、思科 ASR1001-X IOS-XE 17.3、FRRouting 8.4、MikroTik RouterOS 7）",
            "能否贴出 display version（华为/华三）或 show version（思科、锐捷、中兴、Juniper）的输出，以便确认设备型号和版本？");
    private static final List<String> VENDOR_EN = List.of(
            "Which vendor or platform and model is the device, and which software version (e.g. Huawei NE40E V800R011, Cisco ASR1001-X IOS-XE 17.3, FRRouting 8.4, MikroTik RouterOS 7)?",
            "Could you paste the output of display version (Huawei/H3C) or show version (Cisco, Ruijie, ZTE, Juniper) so the model and version are known?");
    private static final List<String> CHECKS_ZH = List.of(
            "故障是从什么时候开始的？之前是否有配置变更、升级或割接？");
    private static final List<String> CHECKS_EN = List.of(
            "When did the fault start, and was there a change (configuration, upgrade, cut-over) just before?");

    private ClarificationPlan() {
    }

    static List<String> questions(Playbook playbook, List<Finding> pointedAt, Vendor vendor, Set<Missing> missing,
                                  Language language, List<String> alreadyAsked) {
        Set<String> asked = new LinkedHashSet<>();
        alreadyAsked.forEach(q -> asked.add(normalise(q)));
        boolean zh = language == Language.CHINESE;
        String cmd = commandToAskFor(playbook, vendor, zh);

        // the platform is asked about once in a case, never twice: an engineer who did not say it the first time
        // gets commands in every likely spelling instead of the same question again
        boolean vendorAsked = concat(VENDOR_ZH, VENDOR_EN).stream().anyMatch(q -> asked.contains(normalise(q)));
        List<String> vendorQuestions = vendorAsked ? new ArrayList<>() : unasked(zh ? VENDOR_ZH : VENDOR_EN, asked).stream().limit(1).toList();
        vendorQuestions = new ArrayList<>(vendorQuestions);
        List<String> symptomQuestions = (zh ? playbook.askZh() : playbook.askEn()).stream().map(q -> q.replace("{cmd}", cmd)).toList();
        // the first symptom question asks for the state overview: pointless once the symptoms are concrete
        if (!missing.contains(Missing.SYMPTOMS) && !symptomQuestions.isEmpty()) symptomQuestions = symptomQuestions.subList(1, symptomQuestions.size());
        List<String> pinning = new ArrayList<>();
        pointedAt.stream().map(f -> zh ? f.askZh() : f.askEn()).filter(q -> q != null).forEach(pinning::add);
        pinning.addAll(symptomQuestions);
        symptomQuestions = unasked(pinning, asked);
        if (vendorAsked || missing.contains(Missing.VENDOR)) symptomQuestions.removeIf(q -> q.contains("display version") || q.contains("show version"));
        List<String> checkQuestions = unasked(concat(zh ? playbook.checkedZh() : playbook.checkedEn(), zh ? CHECKS_ZH : CHECKS_EN), asked);

        List<String> chosen = new ArrayList<>();
        // one question for each thing missing, in order of importance...
        if (missing.contains(Missing.VENDOR)) take(vendorQuestions, chosen);
        if (missing.contains(Missing.SYMPTOMS)) take(symptomQuestions, chosen);
        if (missing.contains(Missing.CHECKS)) take(checkQuestions, chosen);
        // ...then more detail on the symptoms, which helps most, then whatever is left of the missing things
        fill(symptomQuestions, chosen);
        if (missing.contains(Missing.CHECKS)) fill(checkQuestions, chosen);
        return List.copyOf(chosen);
    }

    /** The first state command in the vendor's syntax, or both spellings when the vendor is unknown. */
    static String commandToAskFor(Playbook playbook, Vendor vendor, boolean zh) {
        List<String> rendered = playbook.firstStateCommand().render(vendor, VendorCommand.Placeholders.NONE);
        if (vendor != null || rendered.size() < 2) return rendered.isEmpty() ? "display/show" : rendered.get(0);
        return zh ? rendered.get(0) + "（华为/华三）或 " + rendered.get(1) + "（思科等）"
                : rendered.get(0) + " (Huawei/H3C) or " + rendered.get(1) + " (Cisco-style)";
    }

    static String normalise(String question) {
        return question == null ? "" : question.replaceAll("[\\s\\p{P}\\p{S}]+", "").toLowerCase(Locale.ROOT);
    }

    private static List<String> unasked(List<String> candidates, Set<String> asked) {
        return new ArrayList<>(candidates.stream().filter(q -> !asked.contains(normalise(q))).toList());
    }

    /** Moves the next question of {@code from} into {@code chosen}, if there is one and room for it. */
    private static boolean take(List<String> from, List<String> chosen) {
        if (from.isEmpty() || chosen.size() >= MAX_QUESTIONS) return false;
        chosen.add(from.remove(0));
        return true;
    }

    private static void fill(List<String> from, List<String> chosen) {
        while (take(from, chosen)) {
            // take moves one question at a time until full or exhausted
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
