package com.ipexpert.analyst.cli;

import com.ipexpert.analyst.classification.Vendor;
import com.ipexpert.analyst.classification.Vendor.CliFamily;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a CLI command line is written in a vendor's own syntax. It looks at the verb a line starts with and
 * at constructs only one family has, which is enough to tell a {@code display} world (Huawei VRP, H3C
 * Comware) from an IOS-style {@code show ip} world (Cisco, ZTE ZXR10, Ruijie RGOS) from Junos.
 * IOS-XR shares much of Junos' {@code show} tree, so for Cisco only clearly Junos-only constructs are refused.
 */
public final class CommandSyntax {

    private CommandSyntax() {
    }

    /** Verbs a VRP/Comware operator types at the user or system view. */
    static final List<String> DISPLAY_VERBS = List.of("display", "debugging", "undo", "reset", "ping", "tracert",
            "terminal", "system-view", "save", "refresh", "dir");

    /** Verbs of the IOS-style CLI (Cisco, ZTE, Ruijie); ZTE also traces with {@code trace}. */
    static final List<String> SHOW_VERBS = List.of("show", "debug", "undebug", "no", "clear", "ping", "traceroute",
            "trace", "terminal", "configure", "write", "copy");

    /** Verbs of Junos operational and configuration mode. */
    static final List<String> JUNOS_VERBS = List.of("show", "clear", "monitor", "request", "ping", "traceroute",
            "restart", "set", "delete", "edit", "commit", "run", "configure");

    private static final Pattern VTYSH = Pattern.compile("^vtysh( -c (\"[^\"]+\"|'[^']+'))+$");
    private static final Pattern LINUX_COMMAND = Pattern.compile("^(sudo )?(ip|ss|ethtool|tcpdump|ping|ping6|traceroute|tracepath|mtr|nft|iptables|ip6tables|sysctl|cat|journalctl|systemctl|dig|resolvectl|nmcli|bridge|conntrack|dmesg|sensors|arping|tc|swanctl|ipsec|birdc|free|top|mpstat|lspci|grep|ls|tail) .*");
    private static final Pattern SROS_COMMAND = Pattern.compile("^(show (router|port|service|system|log|card|mda|lag|chassis|qos|filter|eth-cfm|version|users|time)|admin |clear (router|port|lag|service|log|filter)|configure |/configure |ping |traceroute |tools |oam |environment ).*");
    private static final Pattern ROUTEROS_COMMAND = Pattern.compile("^/(interface|ip|ipv6|routing|mpls|system|log|tool|ping|queue|certificate|user|snmp|ppp|export|file)( .*)?$");

    private static final Pattern JUNOS_ONLY = Pattern.compile(
            "^show\\s+(configuration|chassis|log\\s+messages|security\\s|interfaces\\s+(terse|extensive|diagnostics)|system\\s+(alarms|core-dumps|storage|connections|processes)|ethernet-switching|class-of-service|vlans)"
                    + "|\\|\\s*(match|display\\s+set|except)\\b|^(set|delete|edit)\\s+(protocols|interfaces|security|system|policy-options|routing-options|firewall|vlans|class-of-service|routing-instances)\\b");

    private static final Pattern IOS_ONLY = Pattern.compile(
            "^show\\s+(ip\\s|running-config|run\\b|startup-config|standby|crypto|access-lists?|policy-map|class-map|mac\\s+address-table|cdp|etherchannel|mls|processes|"
                    + "interfaces?\\s+(status|trunk|counters)|vlan\\s+brief|logging|tech-support|environment|inventory)|\\|\\s*(include|inc|i|begin|section)\\s");

    /**
     * Whether {@code command} reads as {@code vendor}'s syntax. With no vendor, any {@code display}-family or
     * IOS-style command passes: that is what the offline analyst proposes when the vendor is unknown.
     */
    public static boolean matchesVendor(String command, Vendor vendor) {
        String c = normalise(command);
        if (c.isEmpty()) return false;
        if (vendor == null) return matchesFamily(c, CliFamily.DISPLAY) || matchesFamily(c, CliFamily.SHOW);
        return matchesFamily(c, vendor.cliFamily());
    }

    /** As {@link #matchesVendor(String, Vendor)}, with the vendor by label ("Huawei", "Cisco", ...; null when unknown). */
    public static boolean matchesVendor(String command, String vendorLabel) {
        return matchesVendor(command, Vendor.fromLabel(vendorLabel).orElse(null));
    }

    /** Whether running {@code command} changes state: resets a session, clears counters, or edits the configuration. */
    public static boolean changesState(String command) {
        String verb = firstWord(normalise(command));
        return switch (verb) {
            case "reset", "clear", "undo", "no", "restart", "set", "delete", "commit", "system-view", "configure", "save",
                    "write", "copy", "refresh" -> true;
            default -> false;
        };
    }

    static boolean matchesFamily(String c, CliFamily family) {
        String verb = firstWord(c);
        return switch (family) {
            case DISPLAY -> DISPLAY_VERBS.contains(verb) && !c.startsWith("show ");
            case SHOW -> SHOW_VERBS.contains(verb) && !JUNOS_ONLY.matcher(c).find();
            case JUNOS -> JUNOS_VERBS.contains(verb) && !IOS_ONLY.matcher(c).find();
            case FRR -> VTYSH.matcher(c).matches() || LINUX_COMMAND.matcher(c).matches();
            case LINUX -> LINUX_COMMAND.matcher(c).matches();
            case EOS -> (SHOW_VERBS.contains(verb) || verb.equals("bash")) && !JUNOS_ONLY.matcher(c).find();
            case SROS -> SROS_COMMAND.matcher(c).matches();
            case ROUTEROS -> ROUTEROS_COMMAND.matcher(c).matches();
        };
    }

    static String normalise(String command) {
        return command == null ? "" : command.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    static String firstWord(String c) {
        int space = c.indexOf(' ');
        return space < 0 ? c : c.substring(0, space);
    }
}
