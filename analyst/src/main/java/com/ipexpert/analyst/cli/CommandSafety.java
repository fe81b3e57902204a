package com.ipexpert.analyst.cli;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What running a proposed command does to a device: {@code read-only} looks, {@code config-change} edits the
 * configuration or clears state without touching traffic, {@code service-affecting} resets a session or process,
 * restarts or shuts something down, and so interrupts traffic. Read from the command's words, for every CLI family
 * the analyst speaks, and for a multi-line change ("interface X ; mtu 9000") the worst of its lines.
 */
public enum CommandSafety {
    READ_ONLY("read-only"), CONFIG_CHANGE("config-change"), SERVICE_AFFECTING("service-affecting");

    private final String label;

    CommandSafety(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    private static final Pattern SERVICE_AFFECTING_LINE = Pattern.compile(
            "^(reset (ospf|bgp|isis|mpls|ip|ike|ipsec|vrrp|lacp|stp|arp|dhcp|nat|session|interface)|reset ospf \\S+ process|clear (ip )?(ospf|bgp|isis|route|mpls|crypto|nat|arp|dhcp|ipv6|vrrp|lacp|spanning-tree|bfd)"
                    + "|clear bgp|clear (router|port|lag|service)|restart|reboot|reload|request system (reboot|halt|power-off)|request chassis|admin (reboot|redundancy)|shutdown|/system reboot|systemctl (restart|stop)"
                    + "|ip link set .* down|ifdown|tc qdisc del|nft flush|iptables -F|/ip ipsec (installed-sa|active-peers) (flush|kill)|.*\\bprocess\\b.*restart"
                    + "|vtysh .*\"clear (ip )?(ospf|bgp|isis)|.*\\bshutdown$|.*admin-state disable|.*\\bdisable$)( .*)?$");
    private static final Pattern CHANGE_LINE = Pattern.compile(
            "^(undo|no|set|delete|edit|commit|rollback|configure|conf|/configure|system-view|interface|router|ip|ipv6|ospf|bgp|isis|mpls|vrrp|standby|port|vlan|peer|area|network|neighbor|nat|acl|rule|traffic|qos|save|write|copy"
                    + "|reset counters|clear counters|reset (counters|statistics)|clear (interface|statistics|log)|refresh|sysctl -w|nft (add|insert|delete)|iptables -[AID]|bridge vlan (add|del)|tc qdisc (add|change|replace)"
                    + "|ip (link|addr|route) (set|add|del|replace)|ethtool -s|vtysh .*\"(configure|conf)|/[a-z ]+ (set|add|remove|enable|disable|reset-counters))( .*)?$");

    /** The label of {@code command} (lines separated by " ; " are judged together, the worst wins). */
    public static CommandSafety of(String command) {
        if (command == null || command.isBlank()) return READ_ONLY;
        CommandSafety worst = READ_ONLY;
        for (String line : command.split(" ; ")) {
            String c = line.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
            if (c.startsWith("sudo ")) c = c.substring(5);
            CommandSafety s = SERVICE_AFFECTING_LINE.matcher(c).matches() ? SERVICE_AFFECTING
                    : CHANGE_LINE.matcher(c).matches() && !looks(c) ? CONFIG_CHANGE : READ_ONLY;
            if (s.ordinal() > worst.ordinal()) worst = s;
        }
        return worst;
    }

    /** Lines that start with a configuration word but only look: "ip route show", "ip -s link show eth0". */
    private static boolean looks(String c) {
        return c.matches("^ip (-[a-z0-9]+ )*(link|addr|route|neigh|rule|xfrm|-s link)( .*)? (show|list|ls|get)( .*)?$|^ip (-[a-z0-9]+ )*(link|addr|route|neigh) show.*|^ip route get .*");
    }
}
