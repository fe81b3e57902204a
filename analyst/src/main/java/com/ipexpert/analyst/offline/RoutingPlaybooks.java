package com.ipexpert.analyst.offline;

import static com.ipexpert.analyst.offline.VendorCommand.cmd;

import com.ipexpert.analyst.classification.FaultCategory;

import java.util.List;

/** Playbooks for the routing protocols: OSPF, BGP, IS-IS and MPLS (LDP, TE, L3VPN). */
final class RoutingPlaybooks {

    private RoutingPlaybooks() {
    }

    static final VendorCommand LOG_OSPF = cmd("display logbuffer | include OSPF", "show logging | include OSPF", "show log messages | match ospf");

    static Playbook ospf() {
        return Playbook.of(FaultCategory.OSPF)
                .commands(
                        cmd("display ospf peer brief", "show ip ospf neighbor", "show ospf neighbor"),
                        cmd("display ospf peer", "show ip ospf neighbor detail", "show ospf neighbor extensive"),
                        cmd("display ospf interface verbose", "show ip ospf interface", "show ospf interface detail"),
                        cmd("display ospf error", "show ip ospf traffic", "show ospf statistics"),
                        LOG_OSPF)
                .finding(Finding.of("ospf-mtu-mismatch", "ExStart|Exchange|MTU|DD报文|DBD|database description|mtu-enable|mtu-ignore",
                                "两端接口 MTU 不一致：DD 报文携带接口 MTU，做 MTU 检查的一端会丢弃 MTU 比自己大的 DD 报文，邻居于是停在 ExStart/Exchange。"
                                        + "对比两端接口（含子接口、Eth-Trunk/Port-channel）的 MTU。华为 VRP 默认不检查 DD 报文的 MTU，接口下配置 ospf mtu-enable 后才检查；"
                                        + "思科 IOS 默认检查（ip ospf mtu-ignore 可关闭）。首选把两端 MTU 改为一致，而不是关闭检查掩盖问题。",
                                "Interface MTU mismatch: DD packets carry the interface MTU and the side that checks it drops DD packets "
                                        + "with a larger MTU, so the adjacency stays in ExStart/Exchange. Compare the MTU on both ends "
                                        + "(sub-interfaces and bundles included). Huawei VRP only checks the DD MTU when `ospf mtu-enable` is set "
                                        + "on the interface; Cisco IOS checks it by default (`ip ospf mtu-ignore` turns that off). Prefer making "
                                        + "the MTUs equal over hiding the mismatch.")
                        .commonCause()
                        .about("MTU")
                        .checks(cmd("display interface {if}", "show interfaces {if}", "show interfaces {if} extensive").zte("show interface {if}"))
                        .fix(cmd("interface {if} ; mtu <same-value-both-ends>",
                                "interface {if} ; mtu <same-value-both-ends>",
                                "set interfaces {if} mtu <same-value-both-ends>")))
                .finding(Finding.of("ospf-duplicate-router-id", "router[- ]?id|ExStart|Exchange|冲突|重复|duplicate|conflict",
                                "Router ID 重复：两端 Router ID 相同时 DD 报文主从协商失败，邻居停在 ExStart/Exchange；区域内重复时 LSA 被反复刷新、路由震荡，"
                                        + "日志会提示 Router ID 冲突。比较两端 Router ID；修改 Router ID 后须重启 OSPF 进程才生效（会中断邻居，请在维护窗口操作）。",
                                "Duplicate router ID: with equal router IDs the DD master/slave negotiation fails and the adjacency stays in "
                                        + "ExStart/Exchange; a duplicate elsewhere in the area makes LSAs flap and routes churn, and the log reports a "
                                        + "router-ID conflict. Compare the router IDs; a new router ID only takes effect after the OSPF process is "
                                        + "restarted, which drops the adjacencies (maintenance window).")
                        .commonCause()
                        .about("router[- ]?id").unlessSaid("router[- ]?id\\s*(不同|不一样|没有重复|不重复|唯一|are unique|differ)")
                        .checks(cmd("display ospf brief", "show ip ospf", "show ospf overview"))
                        .fix(cmd("ospf <process-id> router-id <unique-id> ; reset ospf <process-id> process",
                                "router ospf <process-id> ; router-id <unique-id> ; clear ip ospf process",
                                "set routing-options router-id <unique-id>")))
                .finding(Finding.of("ospf-hello-mismatch", "(?-i:Init|INIT)|Down|hello|dead|区域|area|stub|NSSA|掩码|mask|起不来|建立不起来|建不起来|没有邻居|no neighbo|not form|不能建立|无法建立",
                                "Hello 参数不一致：区域号、Hello/Dead 时间、区域类型（Stub/NSSA 标志）、广播/NBMA 网络上的网络掩码，任一不一致 Hello 报文即被丢弃，"
                                        + "邻居建立不起来。逐项对比两端 OSPF 接口参数，并查看 OSPF 错误统计中 Hello 参数不匹配的计数。",
                                "Hello parameter mismatch: area ID, hello/dead intervals, area type (stub/NSSA flag) or, on broadcast/NBMA "
                                        + "networks, the subnet mask - any difference and hellos are discarded and no adjacency forms. Compare the "
                                        + "OSPF interface parameters on both ends and look at the hello-mismatch counters in the OSPF error statistics.")
                        .about("area|区域|hello|dead|定时器|timer|stub|nssa|掩码|mask")
                        .commonCause()
                        .checks(cmd("display ospf interface verbose", "show ip ospf interface", "show ospf interface detail"),
                                cmd("display ospf error", "show ip ospf traffic", "show ospf statistics")))
                .finding(Finding.of("ospf-authentication", "认证|鉴权|auth|md5|hmac|密码|密钥|password|key",
                                "认证不一致：两端认证方式（明文/MD5/HMAC-SHA256）、Key ID 和密钥须完全一致，区域认证与接口认证同时配置时接口认证优先。",
                                "Authentication mismatch: both ends need the same authentication type (simple/MD5/HMAC-SHA256), key ID and "
                                        + "key; interface authentication overrides area authentication when both are configured.")
                        .about("认证|鉴权|auth\\w*|密钥|password")
                        .checks(cmd("display ospf error", "show ip ospf traffic", "show ospf statistics")))
                .finding(Finding.of("ospf-stuck-init", "(?-i:Init|INIT)|单向|one-way|1-way",
                                "邻居停在 Init：本端收到了对端的 Hello，但对端 Hello 中没有本端 Router ID，说明对端收不到本端的 Hello。"
                                        + "检查 ACL/防火墙是否拦截 OSPF（协议号 89，组播 224.0.0.5/224.0.0.6）、链路是否单通、二层 VLAN 是否放通，NBMA 网络是否配置了 peer。",
                                "Stuck in Init: our side hears the neighbour's hellos but does not appear in them, so the neighbour does not "
                                        + "receive ours. Check ACLs/firewalls for OSPF (IP protocol 89, 224.0.0.5/224.0.0.6), one-way links, the "
                                        + "layer-2 path/VLAN, and static neighbours on NBMA networks.")
                        .about("ACL|防火墙|firewall|单通")
                        .checks(cmd("display acl all", "show ip access-lists", "show firewall")))
                .finding(Finding.of("ospf-virtual-link", "virtual-link|虚连接|虚链路|vlink",
                                "虚连接：只能穿越普通区域（不能穿越 Stub/NSSA 区域）；两端配置的对端须是对方 ABR 的 Router ID（不是接口地址）；传输区域内两台 ABR 之间须有可达的区域内路由；骨干区域配置了认证时虚连接也须配置相同认证。",
                                "Virtual link: it can only cross a normal area (not stub/NSSA); each end names the other ABR's router ID "
                                        + "(not an interface address); the transit area must have an intra-area route between the two ABRs; "
                                        + "with backbone authentication the virtual link needs the same authentication.")
                        .about("transit|传输区域")
                        .leading()
                        .checks(cmd("display ospf vlink", "show ip ospf virtual-links", "show ospf neighbor detail"))
                        .asks("虚连接两端配置的对端 Router ID 分别是什么？传输区域是哪个区域，是否为 Stub/NSSA？",
                                "Which router IDs does each end of the virtual link name, and which area is the transit area (is it stub/NSSA)?"))
                .finding(Finding.of("ospf-two-way", "2-?way|two-way|DROther|DR Other|DR选举|DR election|优先级\\s*0|priority 0",
                                "停在 2-Way：广播网络中 DROther 之间只到 2-Way 属于正常；若应为 Full，检查两端 DR 优先级是否都为 0（没有设备能当选 DR），以及两端网络类型是否一致。",
                                "Stuck in 2-Way: between two DROthers on a broadcast network that is normal. If Full is expected, check "
                                        + "whether both ends have DR priority 0 (nobody can become DR) and whether the network types match."))
                .finding(Finding.of("ospf-network-type", "network-type|网络类型|p2p|point-to-point|点到点|broadcast|广播网络",
                                "网络类型不一致（P2P 与 Broadcast）：Hello 时间可能相同、邻居也能到 Full，但路由计算出错或缺失（Type-1/Type-2 LSA 描述不匹配）。两端配置相同的网络类型。",
                                "Network type mismatch (point-to-point vs broadcast): the adjacency may even reach Full, but SPF cannot use the "
                                        + "link (router/network LSAs disagree) and routes go missing. Configure the same network type on both ends.")
                        .about("网络类型|network[- ]type")
                        .fix(cmd("interface {if} ; ospf network-type p2p", "interface {if} ; ip ospf network point-to-point",
                                "set protocols ospf area <area> interface {if} interface-type p2p")))
                .finding(Finding.of("ospf-stuck-loading", "(?-i:Loading|LOADING)|LSR|LSA request|重传|retransmi",
                                "停在 Loading：LSA 请求得不到完整应答，常见于路径上 MTU 更小导致大的 LSU 报文被丢、链路丢包或 LSA 损坏。检查接口错包与重传计数，并用大包测试路径 MTU。",
                                "Stuck in Loading: LSA requests are not fully answered, usually because large LSUs are dropped by a smaller "
                                        + "MTU on the path, by packet loss, or because of a corrupt LSA. Check interface errors and retransmission "
                                        + "counters and test the path MTU with large packets.")
                        .checks(cmd("display interface {if}", "show interfaces {if}", "show interfaces {if} extensive").zte("show interface {if}")))
                .finding(Finding.of("ospf-missing-routes", "学不到|收不到|没有路由|路由缺失|缺少路由|missing route|no route|not in the routing table|not learn|LSA|LSDB|引入|import-route|redistribut|汇总|summar",
                                "邻居 Full 但缺路由：先看 LSA 是否在 LSDB 中；filter-policy/distribute-list 只影响本机路由表不影响 LSA；Stub/Totally Stub 区域会挡住 Type-5（外部）路由；"
                                        + "ABR 汇总、外部路由引入（import-route/redistribute，思科需 subnets）、转发地址（FA）不可达都会让路由缺失。",
                                "Full adjacency but routes missing: first check whether the LSA is in the LSDB; filter-policy/distribute-list "
                                        + "only affect the local routing table, not the LSAs; stub/totally-stub areas block type-5 (external) routes; "
                                        + "ABR summarisation, external route import (import-route/redistribute, `subnets` on Cisco) and an "
                                        + "unreachable forwarding address also make routes disappear.")
                        .checks(cmd("display ospf lsdb", "show ip ospf database", "show ospf database"),
                                cmd("display ip routing-table protocol ospf", "show ip route ospf", "show route protocol ospf")))
                .finding(Finding.of("ospf-flapping", "flap|震荡|频繁|反复|up/down|抖动|断开|dead timer|expired|超时",
                                "邻居震荡：看日志里邻居 Down 的原因——Dead timer 超时说明 Hello 持续丢失（链路丢包、拥塞、CPU 过高），1-Way/Kill 说明对端主动断开。"
                                        + "结合接口错包和 CPU 利用率排查；BFD 能加快检测，但掩盖不了链路问题。",
                                "Flapping adjacency: read why the neighbour went down in the log - dead timer expiry means hellos are being "
                                        + "lost (packet loss, congestion, high CPU), 1-way/kill means the neighbour tore it down. Correlate with "
                                        + "interface errors and CPU load; BFD detects faster but does not fix a bad link.")
                        .checks(LOG_OSPF, cmd("display cpu-usage", "show processes cpu sorted", "show chassis routing-engine").zte("show processor").ruijie("show cpu")))
                .ask(List.of(
                                "OSPF 邻居当前停在哪个状态（Down/Init/2-Way/ExStart/Exchange/Loading/Full）？请贴出 {cmd} 的输出。",
                                "两端接口的 MTU、区域号、网络类型、Hello/Dead 时间和认证配置分别是什么？",
                                "日志里有没有 OSPF 邻居状态变化的记录（如 NBR_CHANGE、%OSPF-5-ADJCHG）？请贴出相关日志。"),
                        List.of(
                                "Which state is the OSPF neighbour in (Down/Init/2-Way/ExStart/Exchange/Loading/Full)? Please paste the output of {cmd}.",
                                "What are the MTU, area, network type, hello/dead timers and authentication on both interfaces?",
                                "Do the logs show OSPF neighbour changes (e.g. NBR_CHANGE or %OSPF-5-ADJCHG)? Please paste them."))
                .askChecked(List.of("您已经核对或尝试过哪些项（例如两端 MTU、Router ID、认证、重置 OSPF 进程）？结果如何？"),
                        List.of("What have you already compared or tried (e.g. MTU, router ID, authentication on both ends, resetting the OSPF process), and with what result?"));
    }

    static Playbook bgp() {
        VendorCommand peerLog = cmd("display bgp peer {peer} log-info", "show logging | include BGP", "show log messages | match bgp")
                .h3c("display bgp peer ipv4 {peer} log-info");
        return Playbook.of(FaultCategory.BGP)
                .commands(
                        cmd("display bgp peer", "show ip bgp summary", "show bgp summary").h3c("display bgp peer ipv4"),
                        cmd("display bgp peer {peer} verbose", "show ip bgp neighbors {peer}", "show bgp neighbor {peer}")
                                .h3c("display bgp peer ipv4 {peer} verbose"),
                        peerLog,
                        cmd("display bgp routing-table peer {peer} received-routes", "show ip bgp neighbors {peer} routes",
                                "show route receive-protocol bgp {peer}").h3c("display bgp routing-table ipv4 peer {peer} received-routes"),
                        cmd("display bgp routing-table peer {peer} advertised-routes", "show ip bgp neighbors {peer} advertised-routes",
                                "show route advertising-protocol bgp {peer}").h3c("display bgp routing-table ipv4 peer {peer} advertised-routes"))
                .finding(Finding.of("bgp-tcp-not-established", "(?-i:Idle|IDLE|Active|ACTIVE|Connect|CONNECT)|建立不起来|起不来|无法建立|不能建立|not establish|never establish|never comes up|won't come up|down|179|update-source|connect-interface|multihop|loopback",
                                "TCP 会话建立不起来（Idle/Active/Connect）：用本端源地址（update-source/connect-interface）带源 ping 对端，确认双向可达；"
                                        + "确认 TCP 179 没有被 ACL/防火墙拦截；对端地址与 AS 号须与本端 peer/neighbor 配置一一对应；EBGP 非直连（如 Loopback 建邻）需要 "
                                        + "ebgp-max-hop/ebgp-multihop，IBGP 用 Loopback 建邻时两端都要指定源接口。Idle 还可能是 peer 被手工关闭，或超过路由条数上限后被挂起。",
                                "The TCP session never establishes (Idle/Active/Connect): ping the peer from the local source address "
                                        + "(update-source/connect-interface) to prove two-way reachability; make sure TCP 179 is not blocked by an "
                                        + "ACL or firewall; the peer address and AS must match the peer/neighbor statement on each side; eBGP between "
                                        + "loopbacks needs ebgp-max-hop/ebgp-multihop, and iBGP between loopbacks needs the source interface on both "
                                        + "ends. Idle can also mean the peer was shut down by hand or suspended after exceeding its prefix limit.")
                        .about("连通|可达|reachab\\w*|ping|179|ACL|防火墙|firewall|update-source|connect-interface")
                        .commonCause()
                        .checks(cmd("ping -a <local-ip> {peer}", "ping {peer} source <local-ip>", "ping {peer} source <local-ip>"),
                                cmd("display tcp status", "show tcp brief", "show system connections | match 179"))
                        .fix(cmd("bgp <asn> ; peer {peer} connect-interface LoopBack0 ; peer {peer} ebgp-max-hop 2",
                                "router bgp <asn> ; neighbor {peer} update-source Loopback0 ; neighbor {peer} ebgp-multihop 2",
                                "set protocols bgp group <group> neighbor {peer} local-address <local-ip> ; set protocols bgp group <group> multihop ttl 2")))
                .finding(Finding.of("bgp-hold-timer-expiry", "(每隔?|every)\\s*(3|三|three)\\s*(分钟|min)|180\\s*(s|秒|sec)|hold|keepalive|flap|震荡|频繁|反复|周期|periodic|expired|超时|定时器|timer",
                                "会话周期性中断（约每 3 分钟）：默认 Hold Time 180 秒、Keepalive 60 秒，每 180 秒断一次说明 Keepalive/Update 报文持续丢失。"
                                        + "典型原因：路径 MTU 问题——会话能建立，但满长度的 Update 报文被丢，直到 Hold Timer 超时（日志中 NOTIFICATION 错误码 4/0，Hold Timer Expired）；"
                                        + "QoS/CoPP/CPU 防攻击限速丢弃 BGP 报文；链路单向丢包；CPU 过高。用带 DF 位的大包 ping 对端验证路径 MTU，并看 CPU 与接口丢包。",
                                "Session dropping periodically (about every 3 minutes): the default hold time is 180 s with 60 s keepalives, "
                                        + "so a drop every 180 s means keepalives/updates keep getting lost. Typical causes: a path MTU problem - the "
                                        + "session comes up but full-size UPDATE packets are dropped until the hold timer expires (NOTIFICATION "
                                        + "code 4/0, Hold Timer Expired, in the log); QoS/CoPP/CPU protection policing BGP; one-way packet loss; "
                                        + "high CPU. Ping the peer with large don't-fragment packets and check CPU and interface drops.")
                        .about("MTU|CPU|丢包|packet loss")
                        .commonCause()
                        .checks(peerLog,
                                cmd("ping -a <local-ip> -f -s 1472 {peer}", "ping {peer} source <local-ip> size 1500 df-bit",
                                        "ping {peer} source <local-ip> size 1472 do-not-fragment"),
                                cmd("display cpu-usage", "show processes cpu sorted", "show chassis routing-engine").zte("show processor").ruijie("show cpu"))
                        .fix(cmd("bgp <asn> ; peer {peer} path-mtu auto-discovery", "ip tcp path-mtu-discovery", "set protocols bgp mtu-discovery")))
                .finding(Finding.of("bgp-route-policy", "路由\\s*(学不到|收不到|发不出|没有|缺失|不生效|不优选|不对)|学不到|收不到|not received|not advertis|missing|route-policy|route-map|prefix-list|ip-prefix|策略|filter|过滤|通告|advertis|next-hop|下一跳|best|优选|network",
                                "路由收发异常：会话 Established 但路由收不到/发不出，检查入/出方向的 route-policy/route-map、前缀列表和 AS_PATH 过滤；"
                                        + "IBGP 学到的路由不会再通告给其他 IBGP 邻居（需路由反射器或全互联）；下一跳不可达的路由不会被优选（EBGP 路由传给 IBGP 时考虑 next-hop-local/next-hop-self）；"
                                        + "network 发布的前缀必须在路由表中精确存在。修改策略后做软复位才会重新计算。",
                                "Routes not received/advertised while the session is Established: check inbound/outbound "
                                        + "route-policy/route-map, prefix lists and AS_PATH filters; routes learned over iBGP are not passed to other "
                                        + "iBGP peers (route reflector or full mesh needed); routes with an unreachable next hop are never best "
                                        + "(next-hop-self when passing eBGP routes into iBGP); a `network` prefix must exist exactly in the routing "
                                        + "table. Soft-reset the session after changing a policy.")
                        .about("策略|route-policy|route-map|policy|filter|过滤")
                        .commonCause()
                        .checks(cmd("display bgp routing-table <prefix>", "show ip bgp <prefix>", "show route <prefix> detail")
                                        .h3c("display bgp routing-table ipv4 <prefix>"),
                                cmd("display route-policy", "show route-map", "show configuration policy-options"))
                        .fix(cmd("refresh bgp {peer} import", "clear ip bgp {peer} soft in", "clear bgp neighbor {peer} soft-inbound")))
                .finding(Finding.of("bgp-as-path-loop", "AS[_-]?PATH|as-path|allowas|allow-as|as-override|环路|私有AS|private AS|相同\\s*AS|same AS",
                                "AS_PATH 防环：路由的 AS_PATH 里含有本端 AS 号时会被丢弃（多个站点使用同一 AS、经运营商互联时常见），在 PE 上配置 as-override 或在 CE 上允许 AS 号重复；"
                                        + "另外检查 as-path 过滤规则和私有 AS 剥离。",
                                "AS_PATH loop prevention: a route whose AS_PATH already contains the local AS is dropped (common when several "
                                        + "sites share one AS over a provider), so use as-override on the PE or allow the own AS on the CE; also "
                                        + "check as-path filters and private-AS removal.")
                        .fix(cmd("bgp <asn> ; peer {peer} allow-as-loop", "router bgp <asn> ; neighbor {peer} allowas-in",
                                "set routing-options autonomous-system <asn> loops 2")))
                .finding(Finding.of("bgp-open-error", "NOTIFICATION|OpenSent|OpenConfirm|Bad Peer AS|AS号\\s*(不一致|错误|不对)|open message|capabilit|能力|地址族|address family|认证|md5|password|密码",
                                "OPEN 协商失败（停在 OpenSent/OpenConfirm 或收到 NOTIFICATION）：对端 AS 号配置错误（Bad Peer AS）、BGP Router ID 冲突、"
                                        + "地址族能力协商不一致；MD5 认证密码不一致时 TCP 报文在底层被丢弃，表现为 Active/Connect 来回切换。以日志中 NOTIFICATION 的错误码/子码为准。",
                                "OPEN negotiation fails (stuck in OpenSent/OpenConfirm or NOTIFICATION received): wrong remote AS (Bad Peer "
                                        + "AS), duplicate BGP router ID, mismatched address-family capabilities; with an MD5 password mismatch the "
                                        + "TCP segments are silently dropped and the peer bounces between Active and Connect. The NOTIFICATION "
                                        + "error code/subcode in the log tells which.")
                        .about("AS号|AS number|remote-as|认证|password|密码")
                        .checks(peerLog)
                        .fix(cmd("bgp <asn> ; peer {peer} password cipher <password>", "router bgp <asn> ; neighbor {peer} password <password>",
                                "set protocols bgp group <group> neighbor {peer} authentication-key <password>")))
                .finding(Finding.of("bgp-prefix-limit", "maximum-prefix|prefix-limit|route-limit|路由条数|条数超|超限|exceed|max(imum)? prefix",
                                "路由条数超过上限（maximum-prefix/route-limit）后会话被断开并停在 Idle：确认对端是否误发了全表或大量路由，调整上限或过滤后手工重置会话。",
                                "Prefix limit exceeded (maximum-prefix/route-limit): the session is torn down and stays Idle. Check whether "
                                        + "the peer leaked a full table, raise the limit or filter, then reset the session by hand.")
                        .asks("本端为该邻居配置的路由条数上限是多少？对端实际发送了多少条路由（是否误发了全表）？",
                                "What prefix limit is configured for this peer, and how many routes did the peer actually send (a leaked full table)?")
                        .fix(cmd("bgp <asn> ; peer {peer} route-limit <count> 80 alert-only", "router bgp <asn> ; neighbor {peer} maximum-prefix <count> 80 warning-only",
                                "set protocols bgp group <group> neighbor {peer} family inet unicast prefix-limit maximum <count>")))
                .ask(List.of(
                                "BGP 邻居当前是什么状态（Idle/Connect/Active/OpenSent/OpenConfirm/Established）？请贴出 {cmd} 的输出。",
                                "邻居是多久断一次（例如每 3 分钟）？日志里的 NOTIFICATION 错误码或断开原因是什么？",
                                "是 EBGP 还是 IBGP，用直连地址还是 Loopback 建立？两端的 AS 号和邻居地址是多少？"),
                        List.of(
                                "Which state is the BGP peer in (Idle/Connect/Active/OpenSent/OpenConfirm/Established)? Please paste the output of {cmd}.",
                                "How often does the session drop (e.g. every 3 minutes), and what NOTIFICATION code or reason does the log give?",
                                "Is it eBGP or iBGP, peering on directly connected or loopback addresses? What are the AS numbers and peer addresses?"))
                .askChecked(List.of("您已经检查或尝试过哪些项（例如带源地址 ping 对端、核对 AS 号和认证、软复位会话）？结果如何？"),
                        List.of("What have you already checked or tried (e.g. sourced ping to the peer, AS numbers and password, soft reset), and with what result?"));
    }

    static Playbook isis() {
        return Playbook.of(FaultCategory.IS_IS)
                .commands(
                        cmd("display isis peer", "show isis neighbors", "show isis adjacency").zte("show isis adjacency"),
                        cmd("display isis interface verbose", "show clns interface {if}", "show isis interface detail").zte("show isis interface"),
                        cmd("display isis lsdb", "show isis database detail", "show isis database"),
                        cmd("display isis brief", "show clns protocol", "show isis overview").zte("show isis"),
                        cmd("display logbuffer | include ISIS", "show logging | include ISIS|CLNS", "show log messages | match isis"))
                .finding(Finding.of("isis-level-mismatch", "level|L1/L2|L1-L2|is-level|is-type|circuit-type|area|区域|(?-i:Init|Initializing|INIT|Down|DOWN)|起不来|建立不起来|no adjacency|not form|邻接",
                                "级别或区域不匹配：Level-1 只与同区域（区域地址相同）的 Level-1/Level-1-2 建邻接，Level-2 可跨区域；两端 is-level/circuit-type 没有交集时邻接建不起来。",
                                "Level or area mismatch: Level-1 only forms adjacencies within the same area (same area address), Level-2 "
                                        + "across areas; if the is-level/circuit-type of the two ends do not overlap, no adjacency forms.")
                        .about("level|级别|区域地址|area")
                        .commonCause()
                        .fix(cmd("isis <process-id> ; is-level level-2 ; network-entity <area>.<system-id>.00",
                                "router isis ; is-type level-2-only ; net <area>.<system-id>.00", "set protocols isis interface {if} level 1 disable")))
                .finding(Finding.of("isis-mtu-hello-padding", "MTU|padding|hello|(?-i:Init|Initializing|INIT)|大包|large",
                                "MTU/Hello 填充：IS-IS 默认把 Hello 报文填充到接口 MTU，两端 MTU 不同或中间链路 MTU 较小时，大的 Hello 被丢弃，邻接停在 Init/Initializing。核对两端及中间链路 MTU。",
                                "MTU and hello padding: IS-IS pads hellos to the interface MTU by default, so with different MTUs (or a "
                                        + "smaller MTU in between) the padded hellos are dropped and the adjacency stays in Init/Initializing. "
                                        + "Compare the MTU on both ends and along the path.")
                        .about("MTU")
                        .commonCause()
                        .checks(cmd("display interface {if}", "show interfaces {if}", "show interfaces {if} extensive").zte("show interface {if}")))
                .finding(Finding.of("isis-duplicate-system-id", "system[- ]?id|NET|network-entity|重复|duplicate|conflict|冲突",
                                "System ID 重复或 NET 配置错误：同一区域内 System ID 必须唯一，重复时 LSP 被反复刷新（日志提示 System ID 冲突），路由震荡。",
                                "Duplicate system ID or wrong NET: system IDs must be unique, a duplicate makes LSPs refresh endlessly "
                                        + "(the log reports a system-ID conflict) and routes churn.")
                        .about("system[- ]?id|NET"))
                .finding(Finding.of("isis-metric-style", "metric-style|cost-style|wide|narrow|路由\\s*(学不到|缺失|不全)|missing route|学不到|metric|开销",
                                "度量类型不一致：一端 wide、一端 narrow 时邻接能建立，但双方不认对方的 LSP 中的可达性信息，路由缺失。两端统一为 wide。",
                                "Metric style mismatch: with wide on one end and narrow on the other the adjacency comes up but neither "
                                        + "understands the other's reachability TLVs, so routes are missing. Use wide metrics on both.")
                        .about("metric|cost-style|度量")
                        .commonCause()
                        .fix(cmd("isis <process-id> ; cost-style wide", "router isis ; metric-style wide", "set protocols isis level 2 wide-metrics-only")))
                .finding(Finding.of("isis-authentication", "认证|鉴权|auth|md5|password|密码|密钥",
                                "认证不一致：接口认证作用于 Hello，不一致时邻接建不起来；区域/域认证作用于 LSP 和 SNP，不一致时邻接正常但 LSDB 不同步、路由缺失。",
                                "Authentication mismatch: interface authentication covers hellos (no adjacency); area/domain authentication "
                                        + "covers LSPs and SNPs (adjacency up, but LSDBs out of sync and routes missing).")
                        .about("认证|auth\\w*|密码|password"))
                .finding(Finding.of("isis-overload", "overload|过载|(?-i:OL)",
                                "Overload 位被置位（设备启动阶段或内存不足时）：其他设备不会经它转发，路由绕行或不可达。检查 LSP 中的 OL 标志和 set-overload-bit 配置。",
                                "Overload bit set (at start-up or on memory shortage): other routers stop routing through this one. Check "
                                        + "the OL flag in its LSP and any set-overload-bit configuration."))
                .ask(List.of(
                                "IS-IS 邻接当前是什么状态（Down/Init/Up）？请贴出 {cmd} 的输出。",
                                "两端的级别（Level-1/Level-2）、NET/区域地址、度量类型（wide/narrow）和接口 MTU 分别是什么？",
                                "日志里有没有邻接变化或 System ID 冲突的记录？"),
                        List.of(
                                "Which state is the IS-IS adjacency in (Down/Init/Up)? Please paste the output of {cmd}.",
                                "What are the level (L1/L2), NET/area address, metric style (wide/narrow) and interface MTU on both ends?",
                                "Does the log show adjacency changes or a system-ID conflict?"))
                .askChecked(List.of("您已经核对或尝试过哪些项（例如两端级别、区域地址、MTU、认证）？结果如何？"),
                        List.of("What have you already compared or tried (e.g. levels, area addresses, MTU, authentication), and with what result?"));
    }

    static Playbook mpls() {
        return Playbook.of(FaultCategory.MPLS)
                .commands(
                        cmd("display mpls ldp session", "show mpls ldp neighbor", "show ldp session").h3c("display mpls ldp peer"),
                        cmd("display mpls interface", "show mpls interfaces", "show mpls interface"),
                        cmd("display mpls lsp", "show mpls forwarding-table", "show route table mpls.0"),
                        cmd("display ip vpn-instance verbose", "show ip vrf detail", "show route instance detail"),
                        cmd("display bgp vpnv4 all peer", "show bgp vpnv4 unicast all summary", "show bgp summary").h3c("display bgp peer vpnv4"))
                .finding(Finding.of("mpls-ldp-session", "LDP|session|会话|邻居|neighbo|peer|(?-i:Non Existent|NON EXISTENT|Initialized|OpenSent)|down|建立不起来|起不来|646",
                                "LDP 会话建立不起来：LDP 用 LSR ID（通常是 Loopback）作为传输地址建立 TCP 646 会话，本端必须有到对端 LSR ID 的精确路由；"
                                        + "检查接口是否使能 MPLS 与 LDP、UDP/TCP 646 是否被拦截、LSR ID 是否是真实可达的 Loopback 地址。",
                                "LDP session does not come up: LDP uses the LSR ID (normally a loopback) as transport address for the TCP "
                                        + "646 session, so each side needs a route to the other's LSR ID; check that MPLS and LDP are enabled on the "
                                        + "interfaces, that UDP/TCP 646 is not blocked, and that the LSR ID is a reachable loopback.")
                        .about("LDP|lsr-id|LSR ID")
                        .commonCause()
                        .checks(cmd("ping -a <local-loopback> <remote-lsr-id>", "ping <remote-lsr-id> source <local-loopback>", "ping <remote-lsr-id> source <local-loopback>"))
                        .fix(cmd("mpls lsr-id <loopback-ip> ; mpls ; mpls ldp ; interface {if} ; mpls ; mpls ldp",
                                "mpls ldp router-id Loopback0 force ; interface {if} ; mpls ip",
                                "set protocols mpls interface {if} ; set protocols ldp interface {if} ; set interfaces {if} unit 0 family mpls")))
                .finding(Finding.of("mpls-lsp-missing", "LSP|标签|label|FEC|/32|32位|掩码|mask|ping lsp|不通|黑洞|black ?hole|not forward|转发",
                                "LSP 未建立或中断：默认只为 /32 主机路由建立 LSP（华为 lsp-trigger 默认 host），若 IGP 中 Loopback 以 /24 等掩码发布或被汇总，LSP 建不起来；"
                                        + "IGP 与 LDP 不同步也会造成短暂黑洞（可启用 LDP 同步）。用 LSP ping/traceroute 找出断点。",
                                "LSP missing or broken: by default LSPs are only built for /32 host routes (Huawei lsp-trigger host), so a "
                                        + "loopback advertised as /24 or summarised in the IGP gets no LSP; IGP/LDP de-synchronisation causes "
                                        + "transient black holes (enable LDP-IGP sync). Use LSP ping/traceroute to find the break.")
                        .about("LSP|标签|label")
                        .commonCause()
                        .checks(cmd("ping lsp ip <remote-loopback> 32", "ping mpls ipv4 <remote-loopback>/32", "ping mpls ldp <remote-loopback>/32"),
                                cmd("tracert lsp ip <remote-loopback> 32", "traceroute mpls ipv4 <remote-loopback>/32", "traceroute mpls ldp <remote-loopback>/32")))
                .finding(Finding.of("mpls-l3vpn-route-target", "VPN|VRF|vpn-instance|VPN实例|(?-i:RT|RD)|route-target|vpn-target|VPNv4|L3VPN|私网|CE|site|站点",
                                "L3VPN 私网路由不通：两端 VPN 实例的 RT 导出与导入须匹配（RD 只用于区分路由，不决定能否交叉引入）；VPNv4 邻居须 Established 且使能 VPNv4 地址族；"
                                        + "PE 要收到对端私网路由；CE-PE 之间的路由要引入到 VPN 实例的 BGP 中（import-route/redistribute）。",
                                "L3VPN customer routes missing: the export and import route targets of the two VRFs must match (the RD only "
                                        + "makes routes unique, it does not decide import); the VPNv4 session must be Established with the VPNv4 "
                                        + "family enabled; the PE must receive the remote customer routes; CE-PE routes must be redistributed into "
                                        + "the VRF's BGP.")
                        .leading()
                        .about("RT|route-target|vpn-target|VPN实例|VRF")
                        .commonCause()
                        .checks(cmd("display ip routing-table vpn-instance <vpn-name>", "show ip route vrf <vrf-name>", "show route table <vrf-name>.inet.0"),
                                cmd("display bgp vpnv4 all routing-table", "show bgp vpnv4 unicast all", "show route table bgp.l3vpn.0")
                                        .h3c("display bgp routing-table vpnv4")))
                .finding(Finding.of("mpls-mtu", "MTU|大包|large packet|fragment|分片|1500",
                                "标签使报文变长（每层标签 4 字节）：小包通、大包不通时检查核心链路 MTU 是否为标签留出空间（MPLS MTU），以及置 DF 位的大报文。",
                                "Labels make packets longer (4 bytes per label): when small packets pass but large ones do not, check that "
                                        + "core links leave room for the label stack (MPLS MTU) and look for large packets with DF set.")
                        .about("MTU"))
                .finding(Finding.of("mpls-te-tunnel", "(?<![A-Za-z])TE(?![A-Za-z])|RSVP|tunnel|隧道|CSPF|带宽|bandwidth|segment routing|(?<![A-Za-z])SR-(MPLS|TE)",
                                "TE 隧道起不来：确认路径上所有接口使能 RSVP-TE、CSPF 能找到满足带宽和约束的路径、IGP 的 TE 扩展已开启（OSPF opaque LSA / IS-IS wide metric）。",
                                "TE tunnel down: RSVP-TE must be enabled on every interface along the path, CSPF must find a path meeting the "
                                        + "bandwidth and constraints, and the IGP TE extensions must be on (OSPF opaque LSAs / IS-IS wide metrics).")
                        .leading()
                        .checks(cmd("display mpls te tunnel-interface", "show mpls traffic-eng tunnels", "show mpls lsp extensive"),
                                cmd("display mpls rsvp-te session", "show ip rsvp neighbor", "show rsvp session")))
                .ask(List.of(
                                "LDP 会话和 LSP 当前是什么状态？请贴出 {cmd} 的输出。",
                                "是哪种业务出问题（LDP/LSP、L3VPN、L2VPN/VPLS、TE 隧道）？从哪个 PE 到哪个 PE 不通，小包和大包是否都不通？",
                                "两端 PE 的 LSR ID/Loopback 地址及其在 IGP 中发布的掩码是多少？"),
                        List.of(
                                "What state are the LDP sessions and LSPs in? Please paste the output of {cmd}.",
                                "Which service is affected (LDP/LSP, L3VPN, L2VPN/VPLS, TE tunnel)? Between which PEs, and do both small and large packets fail?",
                                "What are the PEs' LSR IDs/loopbacks and with which mask are they advertised in the IGP?"))
                .askChecked(List.of("您已经检查或尝试过哪些项（例如 LSP ping、RT 配置、VPNv4 邻居状态）？结果如何？"),
                        List.of("What have you already checked or tried (e.g. LSP ping, route targets, VPNv4 sessions), and with what result?"));
    }
}
