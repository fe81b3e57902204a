package com.ipexpert.analyst.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One likely cause within a fault category: the words in the engineer's text that point at it, what to check
 * and why (in Chinese and English), the diagnostic steps that confirm it, and optionally the configuration that
 * usually fixes it. A {@code common} finding is offered when the text points at no finding in particular.
 * A finding the engineer says they already checked (see {@link #about}) is kept, but last.
 */
record Finding(String id, Pattern trigger, Pattern topic, Pattern ruledOut, boolean common, boolean leads, String zh, String en,
               List<VendorCommand> checks, VendorCommand fix, String askZh, String askEn) {

    static Finding of(String id, String triggerRegex, String zh, String en) {
        return new Finding(id, Pattern.compile(triggerRegex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), null, null,
                false, false, zh, en, List.of(), null, null, null);
    }

    Finding commonCause() {
        return new Finding(id, trigger, topic, ruledOut, true, leads, zh, en, checks, fix, askZh, askEn);
    }

    /**
     * This cause's checks come before the playbook's overview command when the text points at it: a NAT case
     * starts with the NAT sessions, not with the ACL list the same playbook opens with.
     */
    Finding leading() {
        return new Finding(id, trigger, topic, ruledOut, common, true, zh, en, checks, fix, askZh, askEn);
    }

    /**
     * What this cause is about ("MTU", "认证|auth"), so that an engineer's "已检查过认证配置", "MTU 两端一致" or
     * "authentication was already verified" marks it as ruled out.
     */
    Finding about(String topicRegex) {
        String topic = "(?:" + topicRegex + ")";
        String checked = "(?:已经?|都|均)?\\s*(?:检查|核对|确认|排查|比对|对比|更换|替换|清洁|换)(?:过|了)?[^。；;.!?\\n]{0,15}" + topic
                + "|" + topic + "[^。；;.!?\\n]{0,20}?(?:(?<!不)一致|(?<!不)相同|没问题|(?<!不)正常|无误|都对|没错|确认过|检查过|核对过|排查过|换过|已确认|已检查|已更换"
                + "|(?<!n't )(?<!not )(?:match(?:es)?|the same|identical|consistent|is fine|are fine|looks? (?:fine|correct|ok)|is correct|are correct|verified|checked|ruled out|replaced|swapped|cleaned))"
                + "|(?:checked|verified|compared|ruled out|replaced|swapped|cleaned)[^.;!?\\n]{0,25}" + topic;
        Finding withTopic = new Finding(id, trigger, Pattern.compile(topic, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), ruledOut,
                common, leads, zh, en, checks, fix, askZh, askEn);
        return withTopic.unlessSaid(checked);
    }

    /** Words that rule this cause out beyond {@link #about}: "router-id 不同" for a duplicate router ID. */
    Finding unlessSaid(String regex) {
        String all = ruledOut == null ? regex : ruledOut.pattern() + "|" + regex;
        return new Finding(id, trigger, topic, Pattern.compile(all, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), common, leads,
                zh, en, checks, fix, askZh, askEn);
    }

    Finding checks(VendorCommand... commands) {
        List<VendorCommand> all = new ArrayList<>(checks);
        all.addAll(List.of(commands));
        return new Finding(id, trigger, topic, ruledOut, common, leads, zh, en, List.copyOf(all), fix, askZh, askEn);
    }

    Finding fix(VendorCommand configuration) {
        return new Finding(id, trigger, topic, ruledOut, common, leads, zh, en, checks, configuration, askZh, askEn);
    }

    /** A question that pins this cause down, asked first among the symptom questions when the text points at it. */
    Finding asks(String questionZh, String questionEn) {
        return new Finding(id, trigger, topic, ruledOut, common, leads, zh, en, checks, fix, questionZh, questionEn);
    }

    boolean pointedAtBy(String text) {
        return trigger.matcher(text).find();
    }

    boolean ruledOutBy(String text) {
        return ruledOut != null && ruledOut.matcher(text).find();
    }
}
