package com.ipexpert.analyst.classification;

import static com.ipexpert.analyst.classification.Keyword.exact;
import static com.ipexpert.analyst.classification.Keyword.regex;
import static com.ipexpert.analyst.classification.Keyword.term;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The weighted words that point at each fault category, in Chinese and English.
 * Weights: 5 names the technology itself, 3-4 is a term only that technology uses, 2 a strong hint,
 * 1 a word several categories share (it only tips a balance). A generic word such as "MTU" or "丢包" alone
 * stays below the classifier's threshold, so it never beats a clear protocol word.
 */
final class CategoryVocabulary {

    private CategoryVocabulary() {
    }

    static final Map<FaultCategory, List<Keyword>> KEYWORDS;

    static {
        Map<FaultCategory, List<Keyword>> k = new EnumMap<>(FaultCategory.class);
        k.put(FaultCategory.OSPF, List.of(
                regex("OSPF", "(?<![A-Za-z0-9_])OSPF(v2|v3)?(?![A-Za-z0-9_])", 5),
                term("ExStart", 4), exact("EXSTART", 4), exact("Exchange", 3), exact("EXCHANGE", 3),
                exact("Loading", 2), regex("2-Way", "(?<![A-Za-z0-9_])(2-?way|two-way)(?![A-Za-z0-9_])", 3),
                exact("Init", 1), exact("Full", 1),
                term("LSA", 4), term("LSDB", 4), term("LSU", 2), term("LSR", 2), term("LSAck", 3),
                regex("DD报文", "(?<![A-Za-z0-9_])(DD|DBD)(报文|packet)|database description", 3),
                term("SPF", 2), term("NSSA", 4), term("totally stub", 3), exact("ABR", 3), exact("ASBR", 3),
                regex("area", "(?<![A-Za-z0-9_-])area(?![A-Za-z0-9_-])", 2), term("区域", 2),
                regex("骨干区域", "骨干区域|backbone area|area 0(\\.0\\.0\\.0)?(?![0-9.])", 3),
                exact("DR", 2), exact("BDR", 3), regex("DR选举", "DR\\s*选举|DR election", 3),
                term("router-id", 1), term("router id", 1),
                regex("router-id冲突", "router[- ]?id\\s*(冲突|重复)|duplicate router[- ]?id|router[- ]?id (conflict|collision)", 2),
                regex("dead interval", "dead[- ]?(interval|timer)|dead时间", 2),
                regex("hello interval", "hello[- ]?(interval|timer|时间|间隔)", 1),
                term("virtual-link", 4), term("虚连接", 4), term("mtu-enable", 4), term("mtu-ignore", 4),
                term("邻居状态", 1), term("network-type", 1), term("网络类型", 1),
                regex("LSA类型", "type[- ]?[1-7] LSA|[1-7]类LSA", 2)));
        k.put(FaultCategory.BGP, List.of(
                regex("BGP", "(?<![A-Za-z0-9_])(e|i|MP-)?BGP(4\\+?)?(?![A-Za-z0-9_])", 5),
                regex("AS_PATH", "AS[_-]PATH", 4), term("AS号", 2), term("AS number", 2), exact("ASN", 2),
                exact("Idle", 2), exact("IDLE", 2), exact("Active", 1), exact("Connect", 1),
                term("OpenSent", 4), term("OpenConfirm", 4), exact("Established", 1),
                regex("flap", "(?<![A-Za-z0-9_])flap(s|ping|ped)?(?![A-Za-z0-9_])", 2),
                term("邻居震荡", 3), term("邻居频繁", 2), term("路由震荡", 2), term("对等体", 2), term("peer", 1),
                term("route reflector", 3), term("route-reflector", 3), term("路由反射器", 3), exact("RR", 1),
                term("community", 2), term("团体属性", 3), term("local-preference", 3), term("local preference", 3),
                term("本地优先级", 3), exact("MED", 2),
                regex("hold timer", "hold[- ]?(timer|time)|holdtime|保持时间", 2), term("keepalive", 1),
                term("notification", 2), term("prefix-limit", 3), term("maximum-prefix", 3), term("路由条数超限", 3),
                term("update-source", 3), term("ebgp-multihop", 3), term("connect-interface", 3),
                term("next-hop-self", 3), term("confederation", 3), term("联盟", 1), term("peer-group", 2),
                term("route-policy", 1), term("route-map", 1), term("prefix-list", 1), term("ip-prefix", 1),
                regex("TCP 179", "(TCP|端口|port)\\s*179(?![0-9])|179\\s*端口", 4),
                regex("every 3 minutes", "(每隔?|every)\\s*(3|三)\\s*(分钟|min)|180\\s*(s|秒|seconds)(?![A-Za-z])", 2),
                term("通告", 1), term("advertise", 1)));
        k.put(FaultCategory.IS_IS, List.of(
                regex("IS-IS", "(?<![A-Za-z0-9_])IS-?IS(v6)?(?![A-Za-z0-9_])", 5),
                regex("Level-1/2", "(?<![A-Za-z0-9_])(Level-?[12](-2)?|L1/L2|L1-L2)(?![A-Za-z0-9_/-])", 2),
                term("CSNP", 4), term("PSNP", 4), term("IIH", 4), exact("LSP", 1), exact("DIS", 3),
                regex("system-id", "system[- ]?id", 3), term("network-entity", 3), term("NET地址", 3), exact("NET", 1),
                regex("area address", "area[- ]address|区域地址", 3),
                regex("overload", "overload[- ]?bit|set-overload-bit|过载位", 3), term("overload", 1),
                term("metric-style", 3), term("cost-style", 3), term("wide metric", 3),
                regex("hello padding", "hello[- ]?padding", 3), term("is-level", 3), term("is-type", 3),
                term("circuit-type", 3), term("邻接", 1), term("adjacency", 1), term("TLV", 1)));
        k.put(FaultCategory.MPLS, List.of(
                term("MPLS", 5), term("LDP", 4), regex("RSVP", "RSVP(-TE)?", 4),
                regex("MPLS TE", "(?<![A-Za-z0-9_])TE\\s*(隧道|tunnel)|traffic engineering", 3),
                term("标签", 2), term("label", 2), exact("LSP", 2), term("LFIB", 3), exact("FEC", 2),
                term("label stack", 3), term("标签栈", 3), term("PHP", 2), term("explicit-null", 3),
                regex("L3VPN", "(?<![A-Za-z0-9_])(L3VPN|L2VPN|VPLS|VPWS|EVPN|BGP/MPLS IP VPN)(?![A-Za-z0-9_])", 4),
                exact("PW", 3), term("伪线", 3), term("pseudowire", 3), term("VRF", 3), term("vpn-instance", 3),
                term("VPN实例", 3), term("route-target", 3), term("vpn-target", 3), exact("RT", 1), exact("RD", 1),
                term("route-distinguisher", 3), term("VPNv4", 3), term("VPNv6", 3),
                regex("Segment Routing", "segment[- ]routing|SR-MPLS|SR-TE|SRv6", 4),
                exact("PE", 1), term("PE设备", 2), exact("CE", 1)));
        k.put(FaultCategory.VPN_IPSEC, List.of(
                term("IPsec", 5), regex("IKE", "(?<![A-Za-z0-9_])IKE(v1|v2)?(?![A-Za-z0-9_])", 4), term("ISAKMP", 4),
                regex("crypto map", "crypto (map|isakmp|ikev2|ipsec)|transform-set|ipsec (policy|proposal|profile)|ike (proposal|peer|profile)", 4),
                exact("SA", 1), regex("phase 1/2", "phase[- ]?[12]|第[一二]阶段|[一二]阶段|main mode|主模式|野蛮模式|aggressive mode", 2),
                regex("pre-shared key", "pre-shared[- ]key|预共享密钥|pre-share", 3), exact("PSK", 2),
                term("GRE", 4), term("DMVPN", 4), regex("SSL VPN", "SSL[- ]?VPN", 4), term("L2TP", 4), term("PPTP", 4),
                term("VPN", 2), term("隧道", 2), term("tunnel", 1), regex("NAT-T", "NAT-T(?![A-Za-z0-9_])|NAT穿越|NAT traversal", 3),
                term("DPD", 3), exact("ESP", 2), exact("AH", 1), term("加密", 1), term("encryption", 1),
                regex("site-to-site", "site-to-site|站点到站点|点到点VPN", 3), term("VPN网关", 3), term("VPN gateway", 3)));
        k.put(FaultCategory.VRRP_HSRP, List.of(
                term("VRRP", 5), term("HSRP", 5), term("GLBP", 5), term("FHRP", 4),
                regex("virtual gateway", "虚拟网关|virtual gateway|virtual[- ]ip|虚拟IP|虚拟地址|virtual address", 3),
                regex("dual master", "双主|dual[- ]master|双Master|两台都是Master|both (are )?(master|active)", 4),
                term("主备", 2), exact("Master", 1), exact("Backup", 1), exact("MASTER", 1), exact("BACKUP", 1),
                term("standby", 1), term("preempt", 3), term("抢占", 3), term("track", 1), term("联动", 1),
                term("virtual-router", 3), term("VRID", 3), term("备份组", 3), term("网关冗余", 4),
                term("gateway redundancy", 4), term("主备切换", 2), term("切换", 1), term("failover", 1)));
        k.put(FaultCategory.VLAN_STP, List.of(
                regex("VLAN", "(?<![A-Za-z0-9_])(VLAN|VLANs)(?![A-Za-z0-9_])", 4),
                regex("trunk", "(?<![A-Za-z0-9_-])trunk(?![A-Za-z0-9_-])", 2),
                regex("access port", "access口|access port|port link-type|switchport", 3),
                term("PVID", 3), term("native vlan", 3), term("allow-pass", 3), term("allowed vlan", 3),
                regex("STP", "(?<![A-Za-z0-9_])(STP|RSTP|MSTP|PVST\\+?|Rapid-PVST)(?![A-Za-z0-9_])", 5),
                term("生成树", 5), regex("spanning tree", "spanning[- ]tree", 5), term("BPDU", 4),
                regex("root bridge", "root bridge|root port|根桥|根端口|根网桥", 4),
                regex("topology change", "TC报文|TC-BPDU|topology change|拓扑变化|拓扑改变|TCN", 4),
                term("环路", 3), regex("loop", "(?<![A-Za-z0-9_])loop(s|ing)?(?![A-Za-z0-9_])", 2),
                regex("broadcast storm", "广播风暴|broadcast storm|风暴", 4),
                regex("MAC flapping", "MAC(地址)?\\s*(漂移|flap)|mac-address flapping|MAC move|mac-move", 4),
                regex("MAC table", "MAC地址表|mac address[- ]table|mac-address table", 2),
                term("二层", 1), term("layer 2", 1), exact("L2", 1), term("tagged", 2), term("untagged", 2),
                exact("Discarding", 2), exact("Blocking", 2), term("阻塞", 2),
                term("QinQ", 3), term("Super VLAN", 3), term("Vlanif", 2), term("Vlan-interface", 2), exact("SVI", 2),
                term("ERPS", 3), term("RRPP", 3), term("Smart Link", 3)));
        k.put(FaultCategory.ACL_NAT, List.of(
                term("ACL", 5), term("access-list", 4), term("访问控制列表", 5), term("访问控制", 3),
                term("NAT", 4), term("地址转换", 4), regex("NAPT", "(?<![A-Za-z0-9_])(PAT|NAPT|SNAT|DNAT|NAT44|NAT64)(?![A-Za-z0-9_])", 4),
                regex("nat outbound", "nat (outbound|server|static|inside|outside|pool|address-group)|ip nat|端口映射|port[- ](mapping|forwarding)", 4),
                regex("traffic-filter", "traffic-filter|packet-filter|access-group|firewall filter", 4),
                term("permit", 1), term("deny", 1), term("rule", 1),
                regex("security policy", "安全策略|security[- ]polic(y|ies)|防火墙策略|firewall polic(y|ies)|安全域|security[- ]zone", 3),
                regex("public address", "公网(地址|IP)|public (ip|address)|私网地址|private address", 2),
                regex("internet access", "上不了网|无法上网|无法访问外网|访问不了外网|internet access|access the internet", 2),
                term("白名单", 2), term("黑名单", 2), term("会话表", 2), term("session table", 2),
                term("命中", 1), term("hit count", 2), term("匹配计数", 2)));
        k.put(FaultCategory.DHCP_DNS, List.of(
                term("DHCP", 5), term("DNS", 5), term("DHCPv6", 5),
                regex("DHCP relay", "dhcp[- ]relay|DHCP中继|helper-address|dhcp select relay", 4), term("中继", 2),
                regex("address pool", "地址池|ip pool|address pool|dhcp pool", 2),
                regex("option 82", "option\\s?(82|43|60|66|150)", 3), term("租期", 3), term("lease", 2),
                regex("no IP address", "(获取|拿|分配|获得)不到\\s*(IP|ip|地址)|无法(自动)?获取\\s*(IP|ip|地址)|自动获取|169\\.254|APIPA|no ip address (assigned|obtained)|(cannot|can't|could not|fail(s|ed)? to) (get|obtain) (an )?(ip|address)", 4),
                term("域名解析", 4), term("域名", 2), term("解析失败", 3), term("nslookup", 4),
                regex("dig", "(?<![A-Za-z0-9_])dig\\s+(@|[a-z0-9-]+\\.[a-z0-9.-]+)", 3),
                regex("name resolution", "name resolution|resolv(e|er|ing)|name[- ]server|NXDOMAIN|SERVFAIL", 3),
                regex("DHCP messages", "(?<![A-Za-z0-9_])(DISCOVER|OFFER|REQUEST|DHCPACK|DHCPNAK|DHCPDISCOVER|DHCPOFFER)(?![A-Za-z0-9_])", 2),
                term("snooping", 2), term("地址冲突", 2), term("IP conflict", 2)));
        k.put(FaultCategory.QOS, List.of(
                term("QoS", 5), term("限速", 4), regex("rate limit", "rate[- ]limit(ing)?", 3), exact("CAR", 3),
                regex("policing", "polic(ing|er)|(?<![A-Za-z0-9_])police(?![A-Za-z0-9_])", 3),
                regex("shaping", "shap(ing|er)|整形|(?<![A-Za-z0-9_])gts(?![A-Za-z0-9_])|qos gts", 3),
                regex("queue", "队列|(?<![A-Za-z0-9_])queu(e|es|ing|eing)(?![A-Za-z0-9_])", 3), term("拥塞", 3),
                term("congestion", 3), term("DSCP", 4), term("802.1p", 3), term("IP precedence", 3), term("优先级", 2),
                term("priority", 1), exact("EXP", 1),
                regex("traffic policy", "traffic[- ](policy|classifier|behavior)|policy-map|class-map|service-policy|qos policy|流策略|流分类|流行为", 4),
                regex("WRED", "(?-i:(?<![A-Za-z0-9_])(WRED|RED|WFQ|CBWFQ|LLQ|PQ)(?![A-Za-z0-9_]))|tail[- ]drop|尾丢弃", 4),
                term("带宽", 1), term("bandwidth", 1), term("丢包", 1), term("packet loss", 1),
                regex("voice quality", "语音质量|通话质量|voice quality|jitter|抖动", 2), term("时延", 1), term("latency", 1),
                regex("CIR", "(?<![A-Za-z0-9_])(CIR|PIR|CBS|PBS)(?![A-Za-z0-9_])|committed (information )?rate|突发", 2)));
        k.put(FaultCategory.INTERFACE_OPTICS, List.of(
                regex("optical module", "光模块|optical module|transceiver|(?<![A-Za-z0-9_])(SFP\\+?|SFP28|QSFP\\+?|QSFP28|QSFP-DD|XFP|GBIC|CFP2?)(?![A-Za-z0-9_])", 5),
                regex("optical power", "光功率|光衰|收光|发光|optical power|(rx|tx|receive|transmit)[- ]?(power|功率)|light level", 5),
                term("dBm", 4), exact("DOM", 3), exact("DDM", 3),
                term("CRC", 4), regex("input errors", "input errors?|output errors?|错包|误码|runts|giants|(?<![A-Za-z0-9_])FCS(?![A-Za-z0-9_])|align(ment)? errors?|symbol errors?", 3),
                regex("link down", "(接口|端口|链路|物理|physical|link|line protocol|port|interface)(状态)?\\s*(is\\s+)?(down|DOWN|Down|频繁|震荡|闪断|up/down|flap)|up/down|闪断|link (flap|loss|failure)|信号丢失|loss of signal|(?<![A-Za-z0-9_])LOS(?![A-Za-z0-9_])", 3),
                regex("duplex", "双工|duplex|协商|auto[- ]?negotiation|autoneg|negotiation|速率不匹配|speed mismatch|速率协商", 3),
                regex("fiber", "光纤|fib(er|re)|跳纤|尾纤|patch cord", 3), regex("cable", "线缆|网线|(?<![A-Za-z0-9_])cable(s|d)?(?![A-Za-z0-9_])", 2),
                term("MTU", 1),
                regex("link aggregation", "Eth-Trunk|port-channel|Bridge-Aggregation|LACP|链路聚合|link aggregation|bundle|(?<![A-Za-z0-9_])ae[0-9]+(?![A-Za-z0-9_])", 3),
                regex("interface down", "(?<![A-Za-z0-9_])((X|10|25|40|100)?GE|(Ten-|X|25|40|100)?GigabitEthernet|Gi|Te|ge-|xe-|et-|gei-|xgei-|Eth-Trunk|Ethernet)[0-9/.:-]+\\s*(接口|端口)?\\s*(is\\s+)?(down|up/down|flap(s|ping)?|频繁|闪断|震荡)", 3),
                regex("error-down", "error[- ]down|err-?disabled?|errdisable", 4),
                term("接口", 1), term("端口", 1), term("interface", 1), term("port", 1), term("丢包", 1),
                regex("flap", "(?<![A-Za-z0-9_])flap(s|ping|ped)?(?![A-Za-z0-9_])", 1)));
        k.put(FaultCategory.HARDWARE, List.of(
                regex("board", "板卡|单板|线卡|接口板|业务板|主控板|line ?card|(?<![A-Za-z0-9_])(LPU|MPU|SRU|MPUA|SFU|FPC|PIC|RSP|supervisor)(?![A-Za-z0-9_])", 4),
                term("主控", 3), term("board", 2), term("slot", 1), term("槽位", 2),
                regex("power supply", "电源(模块)?|power supply|(?<![A-Za-z0-9_])PSU(?![A-Za-z0-9_])|掉电|断电|power (failure|module)", 4),
                regex("fan", "风扇|(?<![A-Za-z0-9_])fans?(?![A-Za-z0-9_])", 4),
                regex("temperature", "温度|过温|高温|temperature|overheat|over-temperature", 4),
                regex("crash", "宕机|死机|crash(ed|es)?|core ?dump|coredump|异常重启|自动重启|反复重启|unexpected(ly)? reboot|reboots? (itself|by itself|unexpectedly)", 4),
                regex("reboot", "重启|reboot(ed|s)?|reload(ed|s)?", 2),
                regex("high CPU", "CPU\\s*(占用|利用率|使用率)?\\s*(高|过高|100%|达到|飙升)|high CPU|CPU (usage|utili[sz]ation)|cpu-usage|CPU占用", 4), exact("CPU", 2),
                regex("memory", "内存(泄漏|泄露|占用|不足|使用率)|memory (leak|usage|exhaust)", 4), term("内存", 2), term("memory", 2),
                regex("hardware", "硬件|hardware|故障灯|告警灯|指示灯|(?<![A-Za-z0-9_])(LED|ALM|RUN)灯", 3),
                regex("stack", "堆叠|(?<![A-Za-z0-9_])(iStack|CSS|IRF|VSS|StackWise)(?![A-Za-z0-9_])", 2),
                regex("storage", "flash|存储空间|闪存|CF卡|disk (full|failure)|SD卡", 2),
                regex("ECC", "(?<![A-Za-z0-9_])ECC(?![A-Za-z0-9_])|parity error|soft error", 4)));
        k.put(FaultCategory.OTHER, List.of());
        KEYWORDS = Collections.unmodifiableMap(k);
    }

    /**
     * When two categories score the same, the more specific one wins: a protocol over the link it runs on,
     * the link over the box.
     */
    static final List<FaultCategory> TIE_ORDER = List.of(
            FaultCategory.OSPF, FaultCategory.BGP, FaultCategory.IS_IS, FaultCategory.MPLS, FaultCategory.VPN_IPSEC,
            FaultCategory.VRRP_HSRP, FaultCategory.VLAN_STP, FaultCategory.ACL_NAT, FaultCategory.DHCP_DNS,
            FaultCategory.QOS, FaultCategory.INTERFACE_OPTICS, FaultCategory.HARDWARE, FaultCategory.OTHER);
}
