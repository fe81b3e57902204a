package com.ipexpert.retrieval.parse;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises a line of device CLI as vendors print it in manuals: a prompt ({@code <HUAWEI>},
 * {@code [Huawei-ospf-1]}, {@code Router(config)#}, {@code user@mx>}, {@code $ }) or a bare command that
 * starts with a CLI verb ({@code display ospf peer}, {@code show ip route}, {@code set protocols ...}).
 */
public final class CommandLines {

    private static final Pattern HUAWEI_USER_VIEW = Pattern.compile("^<[A-Za-z0-9][^<>\\s]{0,40}>.*");
    private static final Pattern HUAWEI_SYSTEM_VIEW = Pattern.compile("^\\[[~*]?[A-Za-z0-9][^\\]\\s]{0,60}].*");
    private static final Pattern CISCO_PROMPT = Pattern.compile("^[A-Za-z][\\w.\\-]{0,40}(\\([\\w.\\-/ ]{1,40}\\))?[#>]( .*)?$");
    private static final Pattern JUNIPER_PROMPT = Pattern.compile("^[\\w.\\-]+@[\\w.\\-]+(:[^\\s]*)?[>#%$]( .*)?$");
    private static final Pattern SHELL_PROMPT = Pattern.compile("^[$#] \\S.*");

    private static final Set<String> VERBS = Set.of(
            "display", "show", "set", "delete", "interface", "undo", "router", "ip", "ipv6", "ospf", "bgp",
            "network", "area", "neighbor", "peer", "no", "sysname", "vlan", "quit", "return", "commit", "save",
            "ping", "tracert", "traceroute", "debug", "debugging", "reset", "import-route", "route-policy", "acl",
            "rule", "configure", "exit", "end", "write", "description", "shutdown", "vtysh", "redistribute",
            "access-list", "prefix-list", "route-map", "match", "hostname", "protocol", "filter", "export", "import",
            "system-view", "port", "stp", "isis", "mpls", "bfd", "vrrp", "nat", "snmp-agent", "clear", "run",
            "request", "edit", "ifconfig", "route", "netstat", "iptables", "tcpdump", "systemctl", "sudo", "apt",
            "apt-get", "cat", "echo", "ss", "nmcli", "dig", "nslookup", "ethtool", "sysctl");

    /** Words that occur in running text but hardly ever in a command line. */
    private static final Set<String> PROSE_WORDS = Set.of(
            "the", "is", "are", "was", "were", "be", "been", "to", "of", "and", "that", "this", "which", "when",
            "will", "can", "should", "must", "an", "it", "its", "by", "as", "if", "then", "than", "there",
            "these", "those", "has", "have", "not", "you", "your", "we", "into", "from", "such", "also");

    private CommandLines() {}

    public static boolean isCommand(String rawLine) {
        String line = rawLine.strip();
        if (line.isEmpty() || line.length() > 200) return false;
        if (HUAWEI_USER_VIEW.matcher(line).matches() || HUAWEI_SYSTEM_VIEW.matcher(line).matches()
                || JUNIPER_PROMPT.matcher(line).matches() || SHELL_PROMPT.matcher(line).matches()) {
            return true;
        }
        if (CISCO_PROMPT.matcher(line).matches()) {
            return !hasProseWords(line.split("\\s+"));
        }
        return startsWithVerb(line);
    }

    private static boolean startsWithVerb(String line) {
        if (hasCjk(line) || line.endsWith(".") || line.endsWith(",") || line.endsWith(":") || line.endsWith("。")) {
            return false;
        }
        String[] words = line.split("\\s+");
        if (words.length > 14 || !VERBS.contains(words[0])) return false;
        if (words.length == 1) return !words[0].equals("no") && !words[0].equals("end") && !words[0].equals("set");
        return !hasProseWords(words);
    }

    private static boolean hasProseWords(String[] words) {
        for (String word : words) {
            if (PROSE_WORDS.contains(word.toLowerCase(Locale.ROOT))) return true;
        }
        return false;
    }

    private static boolean hasCjk(String line) {
        return line.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }
}
