package com.ipexpert.bench.diagnosis;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * An independent reading of "this command is in that platform's syntax", written for the evaluation and deliberately
 * not the analyst's own checker: the first word(s) each CLI family starts its commands with, and forms only another
 * family uses. A family label may be "a|b" (either will do), as for the development set's reports without a vendor.
 */
public final class PlatformSyntax {

    private PlatformSyntax() {
    }

    private static final Pattern VRP = Pattern.compile("^(display|dis|ping|tracert|reset|undo|debugging|refresh|terminal|system-view|save|interface|ospf|bgp|isis|quit|return|commit|mpls|vrrp|stp|port|ip|nat|acl|rule|traffic|qos|peer|area|network|dhcp|ike|ipsec|vlan|local-user|snmp-agent|import-route|lsp|undo|clear) .*|^(system-view|quit|return|save|commit)$");
    private static final Pattern IOS = Pattern.compile("^(show|sh|ping|traceroute|trace|clear|debug|undebug|no|terminal|conf|configure|interface|router|ip|ipv6|neighbor|network|standby|vrrp|spanning-tree|switchport|access-list|crypto|mpls|isis|service-policy|class|policy-map|end|exit|write|copy|test|monitor) .*|^(configure terminal|end|exit|write memory|conf t)$");
    private static final Pattern DISPLAY = Pattern.compile("^(display|dis) ");
    private static final Pattern JUNOS = Pattern.compile("^(show|ping|traceroute|clear|monitor|request|set|delete|restart|run|commit|rollback|edit|deactivate|activate|file) .*|^(commit|configure|rollback)( .*)?$");
    private static final Pattern JUNOS_ONLY = Pattern.compile("^show (configuration|chassis|security|log messages|interfaces (terse|extensive|diagnostics)|ospf |isis adjacency|ldp |route (protocol|receive-protocol|advertising-protocol|hidden)|class-of-service|system )|\\| (match|display set|except)|^(set|delete|edit|request|commit|rollback|run) ");
    private static final Pattern IOS_ONLY = Pattern.compile("^show (ip |running-config|run$|startup-config|standby|logging|crypto|access-lists|processes|mac address-table|etherchannel)|\\| (include|section|begin|i) |^(configure terminal|conf t|router |ip |no |switchport|debug )");
    private static final Pattern NXOS_NOT = Pattern.compile("^show interfaces |^show ip ospf neighbor(?!s)|^show processes cpu sorted|^show environment (?!fan|power|temperature)");
    private static final Pattern FRR = Pattern.compile("^vtysh( -c ['\"](show|clear|conf|configure|write|debug|do|ping|traceroute)[^'\"]*['\"])+$|^(ip|ss|ping|traceroute|tcpdump|ethtool|systemctl|journalctl|sysctl|nft|iptables|bridge|cat|tracepath) .*");
    private static final Pattern LINUX = Pattern.compile("^(sudo )?(ip|ss|ethtool|tcpdump|ping|ping6|traceroute|tracepath|mtr|nft|iptables|ip6tables|sysctl|cat|journalctl|systemctl|dig|nslookup|host|resolvectl|nmcli|bridge|conntrack|dmesg|lspci|sensors|arping|tc|ipsec|swanctl|birdc|gobgp|mpstat|top|free|netstat|ifconfig|route|curl|grep|less|tail) .*");
    private static final Pattern EOS = Pattern.compile("^(show|ping|traceroute|clear|bash|configure|interface|router|ip|no|neighbor|vrrp|spanning-tree|switchport|mlag|end|exit|write|copy|monitor|debug) .*|^(configure|end|exit|write memory)$");
    private static final Pattern SROS = Pattern.compile("^(show (router|port|service|system|log|card|mda|lag|chassis|qos|filter|eth-cfm|version|users|time)|admin |clear (router|port|lag|service|log|filter)|configure |/configure |ping |traceroute |tools |oam |info|environment |file ).*");
    private static final Pattern ROUTEROS = Pattern.compile("^/(interface|ip|ipv6|routing|mpls|system|log|tool|ping|queue|certificate|user|snmp|ppp|radius|export|file|disk|container)( .*)?$");

    private static final Map<String, Pattern> FAMILIES = Map.of("vrp", VRP, "comware", VRP, "junos", JUNOS, "frr", FRR,
            "linux", LINUX, "eos", EOS, "sros", SROS, "routeros", ROUTEROS);

    /** Whether {@code command} is in the syntax of {@code family} (or of one of "a|b"). */
    public static boolean inSyntax(String command, String family) {
        String c = command == null ? "" : command.strip();
        if (c.isEmpty()) return false;
        for (String f : family.split("\\|")) {
            if (in(c, f)) return true;
        }
        return false;
    }

    private static boolean in(String c, String family) {
        return switch (family) {
            case "ios", "rgos" -> IOS.matcher(c).matches() && !DISPLAY.matcher(c).find() && !JUNOS_ONLY.matcher(c).find();
            // ZXROS reads IS-IS adjacencies as Junos does
            case "zxr10" -> IOS.matcher(c).matches() && !DISPLAY.matcher(c).find()
                    && (!JUNOS_ONLY.matcher(c).find() || c.startsWith("show isis adjacency"));
            case "nxos" -> IOS.matcher(c).matches() && !DISPLAY.matcher(c).find() && !JUNOS_ONLY.matcher(c).find() && !NXOS_NOT.matcher(c).find();
            case "junos" -> JUNOS.matcher(c).matches() && !IOS_ONLY.matcher(c).find();
            case "eos" -> EOS.matcher(c).matches() && !DISPLAY.matcher(c).find() && !JUNOS_ONLY.matcher(c).find();
            case "vrp", "comware" -> VRP.matcher(c).matches() && !c.startsWith("show ");
            // FRRouting runs on Linux: vtysh for the daemons, the Linux shell for the rest
            case "frr" -> FRR.matcher(c).matches() || LINUX.matcher(c).matches();
            default -> {
                Pattern p = FAMILIES.get(family);
                if (p == null) throw new IllegalArgumentException("unknown CLI family " + family);
                yield p.matcher(c).matches();
            }
        };
    }
}
