package com.ipexpert.analyst.classification;

import static com.ipexpert.analyst.classification.Keyword.exact;
import static com.ipexpert.analyst.classification.Keyword.regex;
import static com.ipexpert.analyst.classification.Keyword.term;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What gives a vendor away in an engineer's text: its name (6), a device model or operating system (4-5),
 * its interface naming or prompt (1-3), and the CLI dialect of pasted commands (1-3).
 * {@code display ...} is spoken by both Huawei VRP and H3C Comware; with nothing else to go on it counts
 * more for Huawei, the larger installed base, so a bare {@code display} case is read as Huawei.
 * Likewise bare IOS-style {@code show ip ...} reads as Cisco, though ZTE ZXR10 and Ruijie RGOS speak it too.
 */
final class VendorClues {

    private VendorClues() {
    }

    /** A clue and what kind of evidence it is, for the audit trace. */
    record Clue(String kind, Keyword keyword) {
    }

    private static Clue name(Keyword k) {
        return new Clue("name", k);
    }

    private static Clue model(Keyword k) {
        return new Clue("model", k);
    }

    private static Clue naming(Keyword k) {
        return new Clue("interface-or-prompt", k);
    }

    private static Clue dialect(Keyword k) {
        return new Clue("cli-dialect", k);
    }

    private static final String B = "(?<![A-Za-z0-9_])";
    private static final String E = "(?![A-Za-z0-9_])";

    /** Operational keywords that follow {@code display} in VRP and Comware, so prose like "display the result" is not a command. */
    private static final String DISPLAY_COMMAND = B + "(?-i:dis(play)?)\\s+(ip|ipv6|ospf|ospfv3|bgp|isis|mpls|vlan|port|stp|vrrp|acl|nat|ike|ipsec|dhcp|dns|qos|traffic|traffic-policy|"
            + "device|cpu-usage|cpu|memory|memory-usage|alarm|logbuffer|trapbuffer|transceiver|eth-trunk|lacp|link-aggregation|mac-address|arp|this|"
            + "diagnostic-information|health|power|fan|temperature|elabel|patch-information|startup|saved-configuration|current-configuration|cur|curr|"
            + "version|interface|int|route|routing-table|fib|counters|version|irf|stack|css|firewall|security-policy|tunnel|ospf|rip|bfd|lldp|ntp|clock|users|license|esn|vpn-instance|l2vpn|vsi|pim|igmp)" + E;

    private static final String IOS_SHOW = B + "(?-i:sh(ow)?)\\s+(running-config|run|startup-config|ip\\s+(ospf|bgp|route|interface|nat|dhcp|access-lists|protocols|arp|vrf|cef)|"
            + "interfaces?\\s+(status|trunk|counters|description|brief|(?-i:[A-Z][A-Za-z-]*[0-9]))|cdp|spanning-tree|vlan(\\s+brief)?|standby|crypto|access-lists?|mpls\\s+(ldp|forwarding-table|interfaces)|"
            + "isis\\s+neighbors|clns|logging|environment|inventory|processes|controllers|policy-map|class-map|etherchannel|mac\\s+address-table|mls|tech-support|glbp|track)" + E;

    private static final String JUNOS_SHOW = B + "(?-i:show)\\s+(configuration|ospf\\s+(neighbor|interface|database)|isis\\s+adjacency|route(\\s+(table|protocol|receive-protocol|advertising-protocol|summary|extensive|detail))?|"
            + "interfaces\\s+(terse|extensive|diagnostics|[a-z]{2}-[0-9])|chassis|system\\s+(alarms|processes|core-dumps|uptime|storage|connections)|log\\s+messages|security\\s+(ike|ipsec|nat|flow|policies|zones)|"
            + "vrrp(\\s+(summary|detail))?|ethernet-switching|vlans|ldp\\s+(neighbor|session|database)|rsvp|class-of-service|firewall|dhcp|bgp\\s+neighbor(?!s))" + E;

    static final Map<Vendor, List<Clue>> CLUES;

    static {
        Map<Vendor, List<Clue>> c = new EnumMap<>(Vendor.class);
        c.put(Vendor.HUAWEI, List.of(
                name(term("华为", 6)), name(term("Huawei", 6)),
                model(regex("NetEngine", B + "(NetEngine|CloudEngine|NE(5000E|9000|8000|40E|20E|40|20|05E|08E)(-[A-Z0-9]+)?)" + E, 5)),
                model(regex("CE switch", B + "CE(5[0-9]{3}|6[0-9]{3}|7[0-9]{3}|8[0-9]{3}|1[26][0-9]{3})[A-Z0-9-]*" + E, 4)),
                model(regex("AR router", B + "AR(1[0-9]{2,3}|2[0-9]{2,3}|3[0-9]{3}|6[0-9]{3}|[0-9]{3})[A-Z0-9-]*" + E, 4)),
                model(regex("Sx7 switch", B + "S(27|37|53|57[0-3]|67|77|97|127)[0-9]{1,2}[A-Z0-9-]*" + E, 4)),
                model(regex("USG/Eudemon", B + "(USG[0-9]{4}[A-Z0-9-]*|Eudemon[0-9A-Z-]*|ATN[0-9]{3}|CX600|ME60|NE40E-X[0-9]+)" + E, 4)),
                model(regex("VRP", B + "VRP(\\s?V[0-9]+)?" + E, 4)),
                naming(regex("<HUAWEI> prompt", "[<\\[]~?(HUAWEI|Huawei)[^>\\]\\s]*[>\\]]", 5)),
                naming(regex("XGigabitEthernet/10GE", B + "(XGigabitEthernet|(?-i:XGE)|(?-i:10GE|25GE|40GE|100GE))\\s?[0-9]+/[0-9]+/[0-9]+", 3)),
                naming(regex("GE0/0/x", B + "(?-i:GE|GigabitEthernet)\\s?0/0/[0-9]+", 2)),
                naming(regex("Eth-Trunk", B + "Eth-Trunk\\s?[0-9]*", 2)),
                naming(regex("Vlanif", B + "Vlanif\\s?[0-9]*" + E, 2)), naming(regex("iStack/CSS", B + "(iStack|CSS)" + E, 2)),
                dialect(regex("display", DISPLAY_COMMAND, 2)),
                dialect(regex("VRP-only keywords", "ospf mtu-enable|port link-type|port trunk allow-pass|undo portswitch|traffic-filter|dhcp select (global|interface|relay)|ip pool\\s", 2))));
        c.put(Vendor.H3C, List.of(
                name(term("新华三", 6)), name(term("华三", 6)), name(term("H3C", 6)), name(regex("Comware", B + "Comware(\\s?V?[57])?" + E, 5)),
                name(term("HPE FlexNetwork", 4)),
                model(regex("H3C switch", B + "S(5120|5130|5500|556[0-9]|557[0-9]|5820|6520|68[0-9]{2}|7[56][0-9]{2}E?|10[05][0-9]{2}|125[0-9]{2})[A-Z0-9-]*" + E, 4)),
                model(regex("MSR/SR/CR router", B + "(MSR\\s?[0-9]{2,4}[A-Z0-9-]*|MSR|SR(66|88)[0-9]{2}[A-Z0-9-]*|CR16[0-9]{3}[A-Z0-9-]*|SecPath[A-Z0-9 -]*)" + E, 4)),
                naming(regex("IRF", B + "IRF" + E, 3)),
                naming(regex("Bridge-Aggregation", B + "(Bridge-Aggregation|Route-Aggregation|Vlan-interface)\\s?[0-9]*", 3)),
                naming(regex("Ten-GigabitEthernet", B + "Ten-GigabitEthernet\\s?[0-9]", 3)),
                dialect(regex("display", DISPLAY_COMMAND, 1)),
                dialect(regex("Comware-only keywords", "port link-aggregation group|link-aggregation mode dynamic|irf member|display irf|port trunk permit vlan|packet-filter", 2))));
        c.put(Vendor.CISCO, List.of(
                name(term("思科", 6)), name(term("Cisco", 6)),
                model(regex("Catalyst/Nexus", B + "(Catalyst|Nexus|Meraki|Firepower)" + E, 5)),
                model(regex("IOS-XE/XR/NX-OS", B + "(IOS[- ]?XE|IOS[- ]?XR|NX-?OS)" + E, 5)), model(exact("IOS", 3)),
                model(regex("ASR/ISR", B + "(ASR|ISR|CSR)\\s?([0-9]{3,4}[A-Z0-9-]*|9[0-9]{0,3}k)|" + B + "(?-i:ASR|ISR)" + E, 4)),
                model(regex("C9300/WS-C/N9K", B + "(C9[2-6]00[A-Z0-9-]*|C3[5-9][0-9]{2}[A-Z0-9-]*|WS-C[0-9A-Z-]+|N[3579]K[A-Z0-9-]*|Nexus ?[0-9]{4}|ASA\\s?[0-9]{4}[A-Z0-9-]*)" + E, 4)),
                model(exact("ASA", 3)),
                naming(regex("Router# prompt", "(?m)^\\s*[A-Za-z][\\w.-]*(\\(config[^)]*\\))?#\\s*(show|sh|conf|debug|clear|ping)", 2)),
                naming(regex("Gi0/1", B + "(?-i:Gi|Te|Fa|Hu|Fo|Twe)[0-9]+/[0-9]+(/[0-9]+)?" + E, 2)),
                naming(regex("GigabitEthernet0/1", B + "(GigabitEthernet|FastEthernet|TenGigabitEthernet)[0-9]+/[0-9]+" + "(?![0-9/])", 2)),
                naming(regex("Port-channel", B + "Port-channel\\s?[0-9]+", 2)),
                naming(regex("%OSPF-5-ADJCHG", "%[A-Z0-9_]+-[0-7]-[A-Z0-9_]+", 3)),
                naming(regex("HSRP/EIGRP/GLBP", B + "(HSRP|EIGRP|GLBP|CDP|VTP|DMVPN|PVST\\+?|Rapid-PVST)" + E, 2)),
                dialect(regex("show (IOS)", IOS_SHOW, 2)),
                dialect(regex("IOS-only keywords", "switchport (mode|trunk|access)|ip ospf mtu-ignore|ip helper-address|crypto isakmp|crypto map|ip access-group|ip nat (inside|outside)|neighbor [0-9.]+ remote-as"
                        + "|service-policy (input|output)|class-default|err-disabled|bpduguard|portfast", 2))));
        c.put(Vendor.JUNIPER, List.of(
                name(term("瞻博", 6)), name(term("瞻博网络", 6)), name(term("Juniper", 6)),
                model(regex("Junos", B + "(Junos|JUNOS)(\\s?OS)?" + E, 5)),
                model(regex("MX/EX/SRX/QFX", B + "(?-i:MX|EX|SRX|QFX|PTX|ACX)\\s?[0-9]{2,5}[A-Z0-9-]*" + E, 4)), model(exact("SRX", 4)),
                naming(regex("ge-0/0/0", B + "(ge|xe|et|fe|st|lt|gr)-[0-9]+/[0-9]+/[0-9]+(\\.[0-9]+)?" + E, 3)),
                naming(regex("user@host> prompt", "(?m)^\\s*[\\w.-]+@[\\w.-]+[>#]\\s*(show|set|run|edit|commit|request)", 3)),
                dialect(regex("show (Junos)", JUNOS_SHOW, 2)),
                dialect(regex("set protocols / | match", B + "(set|delete|edit)\\s+(protocols|interfaces|security|system|policy-options|routing-options|firewall|vlans|class-of-service|routing-instances|chassis)" + E
                        + "|\\|\\s*(match|display set|except)" + E + "|commit (check|confirmed)", 3))));
        c.put(Vendor.ZTE, List.of(
                name(term("中兴", 6)), name(term("ZTE", 6)),
                model(regex("ZXR10", B + "(ZXR10|ZXCTN|ZXROS|ZXA10)(\\s?[A-Z0-9-]+)?", 5)),
                model(regex("M6000/T8000", B + "(?-i:M6000|T8000)(-[0-9A-Z]+)?" + E, 3)),
                naming(regex("gei-0/1/0/1", B + "(gei|xgei|cgei|fei)[-_][0-9]+(/[0-9]+){1,3}|smartgroup\\s?[0-9]+", 4))));
        c.put(Vendor.RUIJIE, List.of(
                name(term("锐捷", 6)), name(term("Ruijie", 6)),
                model(regex("RG-", B + "RG-[A-Z0-9]+[A-Z0-9-]*", 5)), model(regex("RGOS", B + "RGOS" + E, 5)),
                model(regex("RSR/NBR/S5750", B + "(RSR[0-9]{2}[A-Z0-9-]*|NBR[0-9]{3,4}[A-Z0-9-]*|S57[56][0-9][A-Z0-9-]*|S29[0-9]{2}[A-Z0-9-]*|S86[0-9]{2}[A-Z0-9-]*|N18[0-9]{3})" + E, 3)),
                dialect(regex("show (IOS-like)", IOS_SHOW, 1))));
        c.put(Vendor.FRROUTING, List.of(
                name(regex("FRRouting/FRR", B + "(FRRouting|(?-i:FRR))" + E, 7)), name(regex("Quagga", B + "Quagga" + E, 7)),
                model(regex("vtysh/zebra", B + "(vtysh|zebra|ospfd|bgpd|isisd|ospf6d|ldpd|watchfrr|frr\\.conf)" + E, 4)),
                naming(regex("Cumulus", B + "(Cumulus|swp[0-9]+|br_default)" + E, 3))));
        c.put(Vendor.LINUX, List.of(
                name(regex("Linux", B + "(?-i:Linux)" + E, 5)),
                model(regex("distribution", B + "(Ubuntu|Debian|CentOS|Rocky Linux|RHEL|Red Hat|AlmaLinux|Fedora|Alpine|openSUSE)" + E, 4)),
                model(regex("host tools", B + "(bird2?|strongSwan|nftables|iptables|netplan|systemd-resolved|NetworkManager|KVM host|resolv\\.conf|GoBGP|keepalived)" + E, 3)),
                naming(regex("ip link/ethtool", "(?m)(^|\\s)(ip (link|addr|route|-s link)|ethtool|tcpdump -n|ss -[a-z]+|tc qdisc|sysctl net\\.|bridge vlan)" + E, 3)),
                naming(regex("eth0/ens3", B + "(eth[0-9]+|ens[0-9]+[a-z0-9]*|enp[0-9]+s[0-9]+[a-z0-9]*|eno[0-9]+|br0|bond[0-9]+)" + E, 2))));
        c.put(Vendor.ARISTA, List.of(
                name(term("Arista", 7)), model(regex("EOS", B + "(?-i:EOS)(\\s?[0-9.]+[A-Z]?)?" + E, 5)),
                model(regex("7xxx model", B + "(?-i:7[0-9]{3}(SX|CX|TX|QX|R|X|R3|X3|CX2|CX3|SX3)?[A-Z0-9-]*|DCS-7[0-9A-Z-]+)" + E, 2)),
                naming(regex("MLAG", B + "(?-i:MLAG)" + E, 2))));
        c.put(Vendor.NOKIA, List.of(
                name(term("Nokia", 7)), name(term("诺基亚", 7)), name(term("Alcatel-Lucent", 6)),
                model(regex("SR OS", B + "(SR ?OS|TiMOS|SR Linux)" + E, 5)),
                model(regex("7750/7250/7210/7450", B + "7(750|250|210|450|705|730)( SR| IXR| SAS)?(-[A-Z0-9]+)?" + E, 4)),
                naming(regex("A:PE1# prompt", "(?m)^\\s*[AB]:[\\w.-]+[#>]", 4)),
                naming(regex("show router", B + "(?-i:show router (ospf|bgp|isis|ldp|interface|route-table|vrrp))|(?-i:VPRN|VPLS service|SAP [0-9]+/)", 3))));
        c.put(Vendor.MIKROTIK, List.of(
                name(term("MikroTik", 7)), name(term("Mikrotik", 7)), model(regex("RouterOS", B + "(RouterOS|ROS ?v?7|Winbox)" + E, 5)),
                model(regex("CCR/CRS/RB/hAP", B + "(CCR[0-9]{4}[A-Z0-9-]*|CRS[0-9]{3}[A-Z0-9-]*|RB[0-9]{3,4}[A-Z0-9-]*|hAP( ax[23]| ac[23]?)?|hEX( S)?)" + E, 4)),
                naming(regex("/ip firewall", "(?m)(^|\\s)/(ip|interface|routing|queue|system|tool|log)\\s+[a-z]", 4)),
                naming(regex("ether1/sfp-sfpplus1", B + "(ether[0-9]+|sfp-sfpplus[0-9]+|pppoe-out[0-9]+|bridge[0-9]*)" + E, 1))));
        CLUES = Collections.unmodifiableMap(c);
    }

    /** Below this score no vendor is named: one stray interface name is not enough to decide. */
    static final int THRESHOLD = 2;
}
