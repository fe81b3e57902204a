package com.ipexpert.analyst.cli;

import com.ipexpert.analyst.classification.Vendor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pulls CLI command lines out of a knowledge passage: lines that start with a command verb (after any list
 * marker or device prompt such as {@code <HUAWEI>}, {@code [~CE1-GE1/0/1]}, {@code Router#} or
 * {@code user@mx>}), commands quoted in backticks, and commands set in Chinese prose ("执行 display ospf peer 查看"). Only commands in the wanted vendor's syntax are kept,
 * so a Cisco case never gets a {@code display} line from a Huawei manual.
 */
public final class EvidenceCommands {

    private EvidenceCommands() {
    }

    private static final Pattern LIST_MARKER = Pattern.compile(
            "^\\s*(?:[-*•·>]+\\s*|\\d{1,2}[.)、]\\s*|[（(]\\d{1,2}[)）]\\s*|(?:步骤|Step)\\s*\\d{1,2}\\s*[:：.]?\\s*)");
    private static final Pattern PROMPT = Pattern.compile(
            "^(?:<[^<>\\s]{1,40}>|\\[~?\\*?[^\\[\\]\\s]{1,60}]|[A-Za-z][\\w.-]{0,40}(?:\\([\\w-]+\\))?#|[\\w.-]{1,30}@[\\w.-]{1,40}[>#%])\\s*");
    private static final Pattern HAN_OR_FULL_WIDTH = Pattern.compile("[\\u3000-\\u303f\\u4e00-\\u9fff\\uff00-\\uffef]+");
    private static final Pattern BACKTICKED = Pattern.compile("`([^`\\n]{3,160})`");
    /** Commands are ASCII: a Chinese character or full-width punctuation ends one ("display ospf peer 查看邻居"). */
    private static final Pattern END_OF_COMMAND = Pattern.compile("[\\u3000-\\u303f\\u4e00-\\u9fff\\uff00-\\uffef]|\\s+#\\s|\\s+//|\\s+--\\s|\\s{3,}");
    private static final Set<String> PROSE_WORDS = Set.of("the", "a", "an", "is", "are", "was", "were", "will", "to",
            "and", "you", "your", "we", "it", "that", "which", "should", "can", "could", "for", "with", "when", "whether",
            "command", "commands", "output", "shows", "displays");
    private static final int MAX_WORDS = 16;
    /** What may follow ping/traceroute: an option, an address, a placeholder or a keyword, never a plain word of prose. */
    private static final Pattern PING_TARGET = Pattern.compile("-.*|[0-9].*|<.*|.*[.:].*|lsp|mpls|vpn-instance|ipv6|ip|routing-instance|source|vrf");
    /** What {@code no} turns off in a procedure; other lines starting with "no" are prose. */
    private static final Set<String> NEGATED = Set.of("debug", "shutdown", "ip", "ipv6", "spanning-tree", "switchport",
            "neighbor", "mpls", "standby", "vrrp", "access-list", "logging", "monitor", "service-policy", "router");

    /** The commands in {@code text} written in {@code vendor}'s syntax (display or IOS-style when vendor is null), in order, without repeats. */
    public static List<String> extract(String text, Vendor vendor) {
        if (text == null || text.isBlank()) return List.of();
        Set<String> seen = new LinkedHashSet<>();
        List<String> found = new ArrayList<>();
        for (String candidate : candidates(text)) {
            String command = clean(candidate);
            if (command == null || !CommandSyntax.matchesVendor(command, vendor)) continue;
            if (seen.add(command.toLowerCase(Locale.ROOT))) found.add(command);
        }
        return found;
    }

    private static List<String> candidates(String text) {
        List<String> out = new ArrayList<>();
        for (String raw : text.split("\\R")) {
            String line = LIST_MARKER.matcher(raw).replaceFirst("");
            line = PROMPT.matcher(line).replaceFirst("");
            out.add(line.replace("`", " "));
            Matcher quoted = BACKTICKED.matcher(raw);
            while (quoted.find()) out.add(quoted.group(1));
            // Chinese manuals say "执行 display ospf peer 命令查看…": the Latin run between the Chinese words is the command
            for (String segment : HAN_OR_FULL_WIDTH.split(line)) {
                if (!segment.isBlank() && segment.length() < line.length()) out.add(segment.replace("`", " "));
            }
        }
        return out;
    }

    /** The command at the start of {@code candidate}, or null when it does not look like one. */
    static String clean(String candidate) {
        String c = candidate.strip();
        Matcher end = END_OF_COMMAND.matcher(c);
        if (end.find()) c = c.substring(0, end.start());
        c = c.replaceAll("[\\s.,;:!?，。；：]+$", "").strip().replaceAll("\\s+", " ");
        if (c.isEmpty() || c.length() > 160 || !c.chars().allMatch(ch -> ch >= 0x20 && ch < 0x7f)) return null;
        String[] words = c.split(" ");
        if (words.length < 2 || words.length > MAX_WORDS) return null;
        // verbs are typed in lower case; "Show the neighbours with..." is prose
        if (!words[0].equals(words[0].toLowerCase(Locale.ROOT))) return null;
        StringBuilder kept = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            if (PROSE_WORDS.contains(words[i].toLowerCase(Locale.ROOT))) {
                if (i == 1) return null;
                break;
            }
            kept.append(' ').append(words[i]);
        }
        String command = kept.toString();
        String[] kw = command.split(" ");
        if (kw.length < 2 || !kw[1].matches("[-a-z0-9<][\\w./:<>|-]*")) return null;
        if (List.of("ping", "tracert", "traceroute", "trace").contains(kw[0]) && !PING_TARGET.matcher(kw[1]).matches()) return null;
        if (kw[0].equals("no") && !NEGATED.contains(kw[1])) return null;
        return command;
    }
}
