package com.ipexpert.analyst.offline;

import static com.ipexpert.analyst.offline.VendorCommand.cmd;

import com.ipexpert.analyst.classification.FaultCategory;

import java.util.List;

/** Playbooks for the services on top of forwarding: ACL/NAT, VPN/IPsec, DHCP/DNS and QoS. */
final class ServicePlaybooks {

    private ServicePlaybooks() {
    }

    static Playbook aclNat() {
        return Playbook.of(FaultCategory.ACL_NAT)
                .commands(
                        cmd("display acl all", "show access-lists", "show firewall"),
                        cmd("display traffic-filter applied-record", "show ip interface {if}", "show configuration firewall")
                                .h3c("display packet-filter interface"))
                .finding(Finding.of("acl-rule-order", "ACL|access-list|rule|permit|deny|规则|匹配|不生效|没生效|拦截|放行|block|not (work|match|take effect)",
                                "ACL 规则顺序与默认动作：规则按编号从小到大匹配，命中即停止，排在前面的更宽泛的规则会让后面的规则永远不生效。"
                                        + "思科 ACL 末尾隐含 deny any；华为/华三作报文过滤（traffic-filter/packet-filter）时未命中任何规则默认放行，而被 NAT、路由策略等引用时含义又不同。"
                                        + "看每条规则的命中计数确定实际命中的是哪一条。",
                                "ACL rule order and default action: rules are evaluated in sequence and the first match wins, so a broader "
                                        + "rule earlier makes later rules dead. A Cisco ACL ends in an implicit deny any; on Huawei/H3C packet "
                                        + "filters (traffic-filter/packet-filter) unmatched packets are permitted by default, and ACLs referenced by "
                                        + "NAT or routing policy mean something else again. The per-rule hit counters show which rule really matches.")
                        .about("规则|rule|顺序|order|命中|hit")
                        .commonCause())
                .finding(Finding.of("acl-direction", "inbound|outbound|(?<![A-Za-z])(in|out)(?![A-Za-z])|入方向|出方向|方向|应用|applied|apply|接口|interface|VLANIF|vlan",
                                "ACL 应用位置或方向错误：inbound 匹配进入该接口的报文，outbound 匹配离开该接口的报文；放错方向、放错接口（物理口与 VLANIF 之分）规则都不会命中；部分设备的 outbound 过滤不作用于本机始发报文。",
                                "ACL applied in the wrong place or direction: inbound matches packets entering the interface, outbound those "
                                        + "leaving it; the wrong direction or the wrong interface (physical port vs VLAN interface) means no hits, and "
                                        + "on several platforms outbound filters do not apply to locally originated traffic.")
                        .about("方向|direction|inbound|outbound")
                        .commonCause())
                .finding(Finding.of("nat-outbound", "NAT|上网|外网|internet|outbound|address-group|地址池|转换|translat|PAT|NAPT|overload|SNAT|源地址",
                                "NAT 出方向不转换：NAT 引用的 ACL 须匹配内网源地址；NAT 配置在出接口（公网口）上；地址池没有耗尽；默认路由和回程路由指向正确出口；思科需正确标注 ip nat inside/outside。",
                                "Outbound NAT not translating: the ACL referenced by NAT must match the inside source addresses; NAT belongs on "
                                        + "the outside (public) interface; the pool must not be exhausted; default and return routes must point the "
                                        + "right way; on Cisco the interfaces must be marked ip nat inside/outside.")
                        .checks(cmd("display nat session all", "show ip nat translations", "show security nat source summary").h3c("display nat session verbose"),
                                cmd("display nat outbound", "show ip nat statistics", "show security nat source rule all"))
                        .leading()
                        .commonCause()
                        .fix(cmd("interface {if} ; nat outbound <acl-number>", "ip nat inside source list <acl> interface {if} overload ; interface {if} ; ip nat outside",
                                "set security nat source rule-set <name> from zone trust to zone untrust rule <rule> then source-nat interface")))
                .finding(Finding.of("nat-server", "nat server|端口映射|映射|port[- ]?forward|mapping|DNAT|static nat|静态NAT|外网访问|从外网|访问内网|发布|publish|服务器",
                                "端口映射（NAT Server/静态 NAT）不通：映射的公网地址和端口与外部访问一致；内部服务器的网关指向本设备（否则回程不经过 NAT）；"
                                        + "防火墙安全策略须放行目的为私网地址的流量（先做目的 NAT 再匹配策略）；内网用户用公网地址访问需要 NAT 回流（hairpin）。",
                                "Port mapping (NAT server/static NAT) not working: the mapped public address and port must match what outside "
                                        + "users hit; the internal server's gateway must be this device (or the return path skips NAT); on firewalls "
                                        + "the security policy must permit the private destination (destination NAT happens before policy); inside "
                                        + "users reaching the public address need NAT hairpinning.")
                        .checks(cmd("display nat server", "show ip nat translations", "show security nat destination rule all"),
                                cmd("display nat session all", "show ip nat statistics", "show security flow session").h3c("display nat session verbose"))
                        .leading()
                        .about("安全策略|security policy|网关|gateway")
                        .fix(cmd("interface {if} ; nat server protocol tcp global <public-ip> <port> inside <server-ip> <port>",
                                "ip nat inside source static tcp <server-ip> <port> <public-ip> <port>",
                                "set security nat destination rule-set <name> rule <rule> then destination-nat pool <pool>")))
                .finding(Finding.of("nat-session-exhaustion", "会话|session|耗尽|exhaust|端口不足|部分用户|间歇|intermittent|some users|并发",
                                "NAT 会话或端口耗尽：部分用户间歇性无法新建连接。查看会话数和地址池端口使用率，调整会话老化时间或扩大地址池。",
                                "NAT sessions or ports exhausted: some users intermittently cannot open new connections. Check the session "
                                        + "count and pool port usage, shorten aging or enlarge the pool."))
                .ask(List.of(
                                "具体现象是什么：哪个源地址访问哪个目的地址/端口不通？请贴出 {cmd} 的输出（含命中计数）。",
                                "ACL 或 NAT 配置在哪个接口、哪个方向？请贴出相关配置。",
                                "是所有用户都不通，还是部分用户、间歇性不通？"),
                        List.of(
                                "What exactly fails: which source to which destination and port? Please paste the output of {cmd} (with hit counts).",
                                "On which interface and in which direction are the ACL or NAT applied? Please paste that configuration.",
                                "Does it fail for all users, or only some users / intermittently?"))
                .askChecked(List.of("您已经检查或尝试过哪些项（例如规则命中计数、NAT 会话表、回程路由）？结果如何？"),
                        List.of("What have you already checked or tried (e.g. rule hit counts, the NAT session table, return routes), and with what result?"));
    }

    static Playbook vpnIpsec() {
        return Playbook.of(FaultCategory.VPN_IPSEC)
                .commands(
                        cmd("display ike sa", "show crypto isakmp sa", "show security ike security-associations"),
                        cmd("display ipsec sa", "show crypto ipsec sa", "show security ipsec security-associations"),
                        cmd("display ipsec statistics", "show crypto session detail", "show security ipsec statistics"),
                        cmd("display ike proposal", "show crypto isakmp policy", "show configuration security ike"))
                .finding(Finding.of("ike-phase1", "phase ?1|第一阶段|一阶段|IKE|ISAKMP|MM_|main mode|主模式|proposal|提议|预共享|pre-shared|PSK|(?<![A-Za-z])500(?![0-9])|协商失败|negotiat|建立不起来|建不起来|起不来|没有\\s*SA|no (IKE )?SA|not (come )?up",
                                "IKE 第一阶段失败：两端 IKE 提议（加密、认证、哈希算法、DH 组、认证方式）须有一致的组合，预共享密钥、对端地址、身份类型（IP 或 FQDN）须一致，路径上须放通 UDP 500/4500。"
                                        + "思科停在 MM_NO_STATE 多为对端无响应或 UDP 500 不通，到 MM_KEY_EXCH 之后失败多为预共享密钥不一致。",
                                "IKE phase 1 fails: both ends need a common IKE proposal (encryption, authentication/hash, DH group, "
                                        + "authentication method), the same pre-shared key, peer address and identity type (IP or FQDN), and UDP "
                                        + "500/4500 open along the path. On Cisco, stuck in MM_NO_STATE usually means no answer from the peer or UDP "
                                        + "500 blocked; failing after MM_KEY_EXCH usually means a pre-shared key mismatch.")
                        .about("预共享密钥|pre-shared key|PSK|提议|proposal")
                        .commonCause())
                .finding(Finding.of("ipsec-phase2", "phase ?2|第二阶段|二阶段|IPsec SA|transform|感兴趣流|interesting|proxy|代理|ACL|encaps|decaps|加密.*解密|单向|one[- ]way|不通|no traffic",
                                "IPsec 第二阶段失败或隧道建立后不通：两端感兴趣流（ACL/代理 ID）须互为镜像，IPsec 提议（ESP 加密/认证、封装模式）和 PFS 设置须一致；"
                                        + "SA 建立后本端 encaps 增长而 decaps 为 0，说明对端的回程流量没有进入隧道（对端路由或 NAT 豁免问题）。",
                                "IPsec phase 2 fails or no traffic after it comes up: the interesting traffic (ACL/proxy IDs) must mirror each "
                                        + "other, and the IPsec proposal (ESP encryption/authentication, mode) and PFS must match; if encaps grow "
                                        + "while decaps stay at 0, the peer's return traffic does not enter the tunnel (peer routing or NAT exemption).")
                        .about("感兴趣流|ACL|proxy|transform|镜像|mirror")
                        .commonCause())
                .finding(Finding.of("ipsec-nat-traversal", "NAT|4500|公网|穿越|traversal|运营商|carrier",
                                "经过 NAT：须启用 NAT 穿越（UDP 4500），且出口 NAT 须把 VPN 流量排除在外（NAT 豁免）——感兴趣流若先被源 NAT，就匹配不到 IPsec 策略。",
                                "Through NAT: NAT traversal (UDP 4500) must be enabled, and the egress NAT must exempt the VPN traffic - "
                                        + "once interesting traffic is source-NATed it no longer matches the IPsec policy.")
                        .about("NAT")
                        .commonCause())
                .finding(Finding.of("ipsec-rekey-dpd", "断|掉线|中断|drop|down|flap|rekey|lifetime|生存|重协商|DPD|每隔|every|periodic|周期",
                                "隧道周期性中断：两端 SA 生存时间/重协商设置不一致、DPD 配置不一致或探测报文丢失、链路抖动都会造成。对比两端 lifetime，两端统一开启 DPD。",
                                "Tunnel drops periodically: mismatched SA lifetimes/rekey settings, mismatched DPD or lost DPD probes, or an "
                                        + "unstable underlay. Compare lifetimes on both ends and enable DPD consistently.")
                        .fix(cmd("ike peer <peer-name> ; dpd type periodic", "crypto isakmp keepalive 10 3 periodic",
                                "set security ike gateway <gateway> dead-peer-detection always-send")))
                .finding(Finding.of("gre-tunnel", "GRE|Tunnel\\s?[0-9]|递归|recursive|keepalive",
                                "GRE 隧道：隧道源/目的须与对端互为镜像且可达；隧道接口 up 不代表对端可达（可开启 keepalive）；若经隧道学到了去往隧道目的地址的路由，会递归导致隧道震荡；"
                                        + "IPsec 或 GRE 叠加后注意 MTU（隧道口 MTU 约 1400、TCP MSS 1360）。",
                                "GRE tunnel: source/destination must mirror the peer's and be reachable; an up tunnel interface does not mean "
                                        + "the far end answers (enable keepalives); learning the route to the tunnel destination through the tunnel "
                                        + "itself makes it flap (recursive routing); with GRE/IPsec overhead lower the tunnel MTU (about 1400, TCP MSS 1360).")
                        .leading()
                        .checks(cmd("display interface Tunnel <tunnel-number>", "show interfaces Tunnel<tunnel-number>", "show interfaces gr-0/0/0 extensive"))
                        .asks("隧道两端的源/目的地址分别是什么，是否互为镜像？去往隧道目的地址的路由是从哪里学到的（是否经隧道本身学到）？",
                                "What are the tunnel source and destination on both ends, and do they mirror each other? How is the route to the tunnel destination learned (through the tunnel itself)?"))
                .finding(Finding.of("remote-access-vpn", "SSL|L2TP|PPTP|客户端|client|remote access|远程接入|拨号|dial|用户",
                                "远程接入 VPN（SSL VPN/L2TP）：检查用户认证（本地/RADIUS）、分配给客户端的地址池是否耗尽、客户端与网关的协议版本和加密套件是否兼容，以及客户端地址段的回程路由。",
                                "Remote-access VPN (SSL VPN/L2TP): check user authentication (local/RADIUS), the client address pool, "
                                        + "protocol version and cipher compatibility between client and gateway, and the return route to the client pool.")
                        .asks("客户端报的错误码/提示是什么？用户认证用的是本地账号还是 RADIUS，网关日志里有没有该用户的认证记录？",
                                "Which error code does the client show, and does the gateway log show the user's authentication attempt (local or RADIUS)?"))
                .ask(List.of(
                                "隧道停在哪个阶段：IKE（第一阶段）还是 IPsec（第二阶段）？请贴出 {cmd} 的输出。",
                                "两端的 IKE/IPsec 提议、预共享密钥类型、感兴趣流 ACL 和对端地址分别是什么？中间是否经过 NAT？",
                                "日志或调试信息里的协商失败原因是什么（如 MM_NO_STATE、proposal mismatch、no proposal chosen）？"),
                        List.of(
                                "Where does the tunnel stop: IKE (phase 1) or IPsec (phase 2)? Please paste the output of {cmd}.",
                                "What are the IKE/IPsec proposals, authentication method, interesting-traffic ACLs and peer addresses on both ends? Is there NAT in between?",
                                "What failure reason do the logs or debugs give (e.g. MM_NO_STATE, proposal mismatch, no proposal chosen)?"))
                .askChecked(List.of("您已经检查或尝试过哪些项（例如两端提议、预共享密钥、清除 SA 重新协商）？结果如何？"),
                        List.of("What have you already checked or tried (e.g. proposals on both ends, the pre-shared key, clearing the SAs), and with what result?"));
    }

    static Playbook dhcpDns() {
        return Playbook.of(FaultCategory.DHCP_DNS)
                .finding(Finding.of("dhcp-no-address", "DHCP|地址池|pool|获取不到|拿不到|分配不到|获得不到|无法获取|自动获取|169\\.254|APIPA|no ip|obtain|lease|租期|耗尽|exhaust|full",
                                "客户端获取不到地址：确认地址池还有可用地址（耗尽时检查租期是否过长、是否有地址因冲突被标记）；地址池网段与网关接口（VLANIF/SVI）地址同网段；"
                                        + "接口上启用了 DHCP 服务（华为 dhcp select global/interface）；网关、服务器等排除地址配置正确。",
                                "Clients get no address: make sure the pool still has free addresses (when exhausted, check for long leases "
                                        + "and addresses flagged as conflicts); the pool subnet must match the gateway interface (VLANIF/SVI) "
                                        + "subnet; DHCP service must be enabled on the interface (Huawei `dhcp select global/interface`); excluded "
                                        + "addresses (gateway, servers) must be right.")
                        .about("地址池|pool")
                        .commonCause()
                        .checks(cmd("display ip pool", "show ip dhcp pool", "show dhcp server binding").h3c("display dhcp server pool"),
                                cmd("display ip pool name <pool-name> used", "show ip dhcp binding", "show dhcp server statistics").h3c("display dhcp server ip-in-use"),
                                cmd("display ip pool name <pool-name> conflict", "show ip dhcp conflict", null).h3c("display dhcp server conflict"))
                        .fix(cmd("dhcp enable ; interface Vlanif<vlan-id> ; dhcp select global", "ip dhcp pool <name> ; network <subnet> <mask> ; default-router <gateway>",
                                "set system services dhcp-local-server group <group> interface <irb-interface>")))
                .finding(Finding.of("dhcp-relay", "relay|中继|helper|跨网段|不同网段|另一个网段|other subnet|remote server|option\\s?82|giaddr",
                                "DHCP 中继：网关接口须配置中继并指向服务器（华为 dhcp select relay + dhcp relay server-ip，思科 ip helper-address）；"
                                        + "服务器上须有与中继接口地址（giaddr）同网段的地址池，且服务器到 giaddr 的回程路由可达；插入 Option 82 后部分服务器会拒绝响应。",
                                "DHCP relay: the gateway interface must relay to the server (Huawei `dhcp select relay` + `dhcp relay "
                                        + "server-ip`, Cisco `ip helper-address`); the server needs a pool matching the relay interface address "
                                        + "(giaddr) and a route back to it; some servers ignore requests carrying option 82.")
                        .about("中继|relay|helper")
                        .checks(cmd("display dhcp relay statistics", "show ip interface {if} | include Helper", "show dhcp relay statistics"))
                        .fix(cmd("interface Vlanif<vlan-id> ; dhcp select relay ; dhcp relay server-ip <server-ip>", "interface Vlan<vlan-id> ; ip helper-address <server-ip>",
                                "set forwarding-options dhcp-relay server-group <group> <server-ip>")))
                .finding(Finding.of("dhcp-snooping", "snooping|trust|信任|私设|私接|rogue|非法|假冒|错误网段|wrong (subnet|gateway)|别的地址|其他网段的地址",
                                "DHCP Snooping：开启后只有信任端口能转发服务器应答，连接上游服务器或中继的端口须设为信任；客户端拿到错误网段地址说明有私设 DHCP 服务器，应开启 Snooping 并把接入口设为非信任。",
                                "DHCP snooping: once enabled only trusted ports pass server replies, so uplinks towards the server/relay must "
                                        + "be trusted; clients getting addresses from a wrong subnet point to a rogue server - enable snooping with "
                                        + "access ports untrusted.")
                        .checks(cmd("display dhcp snooping user-bind all", "show ip dhcp snooping binding", "show dhcp-security binding")
                                .h3c("display dhcp snooping binding"))
                        .asks("连接 DHCP 服务器/中继方向的上联口是否配置为 Snooping 信任端口？终端拿到的是哪个网段的地址？",
                                "Is the uplink towards the DHCP server/relay a trusted snooping port, and which subnet do clients get addresses from?"))
                .finding(Finding.of("dns-resolution", "DNS|域名|解析|resolv|nslookup|dig|NXDOMAIN|SERVFAIL|name[- ]server|网址|网页|website|(?<![0-9])53(?![0-9])",
                                "域名解析失败：先区分是解析问题还是连通性问题（直接 ping 目标 IP 是否通）；检查客户端拿到的 DNS 服务器地址（DHCP 下发的 dns-list/dns-server 是否正确）、"
                                        + "到 DNS 服务器的 UDP/TCP 53 是否被 ACL/NAT 拦截；设备作为 DNS 代理/中继时检查其上游 DNS 配置。",
                                "Name resolution fails: first tell resolution from reachability (does the target IP answer a ping?); check the "
                                        + "DNS server address the client received (dns-list/dns-server in the DHCP pool), that UDP/TCP 53 to it is "
                                        + "not blocked by ACL or NAT, and the upstream servers when the device acts as DNS proxy/relay.")
                        .about("DNS")
                        .commonCause()
                        .checks(cmd("display dns server", "show hosts", "show host <domain-name>"),
                                cmd("ping <dns-server-ip>", "ping <dns-server-ip>", "ping <dns-server-ip>"),
                                cmd("ping <domain-name>", "ping <domain-name>", "ping <domain-name>"))
                        .asks("客户端使用的 DNS 服务器是哪个？指定该服务器 nslookup 是否成功，ping 该服务器和目标 IP 是否通？",
                                "Which DNS server do clients use? Does nslookup against that server succeed, and do pings to it and to the target IP work?"))
                .ask(List.of(
                                "是获取不到 IP 地址，还是能获取地址但域名解析失败？客户端当前的 IP、网关和 DNS 是什么？请贴出 {cmd} 的输出。",
                                "客户端拿到的 IP、网关和 DNS 服务器地址分别是什么？直接 ping 网关、DNS 服务器和目标 IP 是否通？",
                                "DHCP 服务器在网关本机还是在其他网段（经中继）？是否开启了 DHCP Snooping？是所有终端还是部分终端受影响？"),
                        List.of(
                                "Do clients get no IP address, or an address but no name resolution? What IP, gateway and DNS does a client have now? Please paste the output of {cmd}.",
                                "Which IP address, gateway and DNS server does a client have, and do pings to the gateway, the DNS server and the target IP work?",
                                "Is the DHCP server on the gateway itself or in another subnet (relayed), is DHCP snooping enabled, and are all clients affected or only some?"))
                .askChecked(List.of("您已经检查或尝试过哪些项（例如地址池使用率、中继配置、直接 ping DNS 服务器）？结果如何？"),
                        List.of("What have you already checked or tried (e.g. pool usage, relay configuration, pinging the DNS server), and with what result?"));
    }

    static Playbook qos() {
        return Playbook.of(FaultCategory.QOS)
                .commands(
                        cmd("display traffic policy statistics interface {if} inbound", "show policy-map interface {if}", "show class-of-service interface {if}")
                                .h3c("display qos policy interface {if}"),
                        cmd("display traffic-policy applied-record", "show policy-map", "show configuration class-of-service")
                                .h3c("display qos policy user-defined"),
                        cmd("display qos queue statistics interface {if}", "show interfaces {if}", "show interfaces queue {if}")
                                .h3c("display qos queue-statistics interface {if} outbound").zte("show interface {if}"))
                .finding(Finding.of("qos-rate-limit", "限速|CAR|rate[- ]?limit|polic|速率|达不到|跑不满|不够|bandwidth|带宽|throughput|吞吐|CIR|CBS|突发|burst|shap|整形|GTS",
                                "限速不准或达不到预期：核对 CIR 单位（华为 CAR 为 kbit/s，思科 police 为 bit/s）；承诺突发（CBS）过小会让 TCP 吞吐远低于 CIR（突发量可按 CIR × 200 ms 左右估算）；"
                                        + "入方向限速只能丢包，出方向整形（GTS/shape）会缓存报文，对 TCP 更友好。确认策略应用在正确接口和方向。",
                                "Rate limit inaccurate or not reached: check the CIR unit (Huawei CAR in kbit/s, Cisco police in bit/s); a "
                                        + "committed burst (CBS) that is too small keeps TCP far below the CIR (size it around CIR x 200 ms); "
                                        + "inbound policing can only drop while outbound shaping (GTS/shape) buffers and suits TCP better. Check "
                                        + "the interface and direction the policy is applied to.")
                        .about("CIR|CBS|限速值|突发")
                        .commonCause())
                .finding(Finding.of("qos-classification", "不生效|没生效|未匹配|不匹配|not match|no effect|not work|分类|classifier|class-map|DSCP|802\\.1p|优先级|priority|标记|remark|mark|trust|信任",
                                "流分类不命中：先看策略统计中每个分类的命中计数；检查流分类的 ACL/DSCP 条件，策略是否应用在正确接口和方向，以及报文在到达该接口前是否已被重新标记（信任边界 trust dscp/802.1p）。",
                                "Classification does not match: look at the per-class hit counters first; check the ACL/DSCP match "
                                        + "conditions, the interface and direction of the policy, and whether packets were re-marked before "
                                        + "reaching it (trust boundary: trust dscp/802.1p).")
                        .about("分类|classifier|DSCP|命中")
                        .commonCause())
                .finding(Finding.of("qos-congestion-drops", "丢包|drop|队列|queue|拥塞|congest|tail|WRED|突发|burst|microburst|微突发|利用率不高",
                                "拥塞丢包：接口出方向队列丢弃计数增长说明存在拥塞或微突发——平均利用率不高时也会发生，尤其是多口汇聚到一个口或高速口转发到低速口。"
                                        + "为关键业务配置优先队列/带宽保证，调整队列缓存或启用 WRED。",
                                "Congestion drops: growing output queue drops mean congestion or microbursts - even at low average "
                                        + "utilisation, especially many-to-one or fast-to-slow ports. Give critical traffic a priority "
                                        + "queue/bandwidth guarantee, tune queue buffers or enable WRED.")
                        .commonCause())
                .finding(Finding.of("qos-voice-video", "语音|voice|视频|video|会议|jitter|抖动|时延|latency|delay|卡顿|通话",
                                "语音/视频质量差：端到端信任并保留 DSCP EF/AF41 标记，给语音配置低时延优先队列（LLQ/PQ）并限制其带宽，低速链路上避免大包造成的串行时延。",
                                "Poor voice/video quality: trust and keep DSCP EF/AF41 end to end, put voice in a low-latency priority queue "
                                        + "(LLQ/PQ) with a policed bandwidth, and avoid serialisation delay from large packets on slow links."))
                .ask(List.of(
                                "QoS 策略应用在哪个接口、哪个方向？限速值或带宽保证配置是多少？请贴出 {cmd} 的输出。",
                                "现象是限速不准、达不到带宽、丢包，还是语音/视频质量差？丢包是在哪个接口、哪个队列？",
                                "相关业务报文的 DSCP/802.1p 标记是什么？"),
                        List.of(
                                "On which interface and direction is the QoS policy applied, and with which rate or bandwidth? Please paste the output of {cmd}.",
                                "Is the problem an inaccurate rate, bandwidth not reached, drops, or poor voice/video quality? Which interface and queue drop?",
                                "Which DSCP/802.1p marking does the affected traffic carry?"))
                .askChecked(List.of("您已经检查或尝试过哪些项（例如策略命中计数、队列丢弃统计、调整突发值）？结果如何？"),
                        List.of("What have you already checked or tried (e.g. policy hit counters, queue drop statistics, burst size), and with what result?"));
    }
}
