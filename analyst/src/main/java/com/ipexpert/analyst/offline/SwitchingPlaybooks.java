package com.ipexpert.analyst.offline;

import static com.ipexpert.analyst.offline.VendorCommand.cmd;

import com.ipexpert.analyst.classification.FaultCategory;

import java.util.List;

/** Playbooks for layer 2 and the link: VLAN/STP, VRRP/HSRP, and interfaces and optics. */
final class SwitchingPlaybooks {

    private SwitchingPlaybooks() {
    }

    static final VendorCommand CPU = cmd("display cpu-usage", "show processes cpu sorted", "show chassis routing-engine")
            .zte("show processor").ruijie("show cpu");
    static final VendorCommand INTERFACE = cmd("display interface {if}", "show interfaces {if}", "show interfaces {if} extensive")
            .zte("show interface {if}");

    static Playbook vlanStp() {
        return Playbook.of(FaultCategory.VLAN_STP)
                .commands(
                        cmd("display vlan", "show vlan brief", "show vlans").h3c("display vlan brief").zte("show vlan"),
                        cmd("display port vlan", "show interfaces trunk", "show ethernet-switching interface").h3c("display port trunk")
                                .zte("show vlan"),
                        cmd("display stp brief", "show spanning-tree", "show spanning-tree bridge").ruijie("show spanning-tree summary"),
                        cmd("display mac-address", "show mac address-table", "show ethernet-switching table").ruijie("show mac-address-table")
                                .zte("show mac"),
                        cmd("display interface brief", "show interfaces status", "show interfaces terse").zte("show ip interface brief"))
                .finding(Finding.of("vlan-not-allowed", "不通|ping|trunk|allow|permit vlan|PVID|native|tag|access|hybrid|放行|透传|跨交换机|can't reach|cannot reach|no connectivity|unreachable",
                                "VLAN 放行/标记不一致：Trunk 两端允许通过的 VLAN 列表不一致、链路类型（access/trunk/hybrid）不匹配、PVID/Native VLAN 不一致（导致 VLAN 串通或丢包），"
                                        + "或 VLAN 本身没有创建。沿路径逐跳检查端口类型、放行列表和 VLAN 是否存在。",
                                "VLAN not carried or tagged differently: the allowed VLAN lists on the two trunk ends differ, link types "
                                        + "(access/trunk/hybrid) do not match, PVID/native VLAN differ (VLANs leak into each other or drop), or the "
                                        + "VLAN was never created. Check port type, allowed list and VLAN existence hop by hop.")
                        .about("放行|allow\\w*|trunk|PVID|native vlan|VLAN配置")
                        .commonCause()
                        .fix(cmd("interface {if} ; port link-type trunk ; port trunk allow-pass vlan <vlan-id>",
                                "interface {if} ; switchport mode trunk ; switchport trunk allowed vlan add <vlan-id>",
                                "set interfaces {if} unit 0 family ethernet-switching interface-mode trunk vlan members <vlan-name>")
                                .h3c("interface {if} ; port link-type trunk ; port trunk permit vlan <vlan-id>")))
                .finding(Finding.of("l2-loop", "环路|(?<![A-Za-z])loop(?!back)|风暴|storm|MAC\\s*(地址)?\\s*(漂移|flap)|mac-move|MACFLAP|广播|broadcast|CPU|全网|整网|大面积",
                                "二层环路/广播风暴：MAC 地址漂移、广播流量激增、CPU 升高、大面积断网是典型现象。找出漂移的 MAC 及其所在端口，"
                                        + "检查是否有端口关闭了 STP 或误配为边缘端口、下挂了不转发 BPDU 的小交换机/Hub、双归链路没有被阻塞。应急时关闭可疑端口断环，再开启 BPDU 保护和环路检测。",
                                "Layer-2 loop / broadcast storm: MAC flapping, a surge of broadcast traffic, high CPU and wide outages are the "
                                        + "signs. Find the flapping MACs and their ports; look for ports with STP disabled or wrongly set as edge "
                                        + "ports, unmanaged switches/hubs that drop BPDUs, dual-homed links that are not blocked. Shut the suspect "
                                        + "port to break the loop, then enable BPDU guard/protection and loop detection.")
                        .leading()
                        .about("环路|loop|STP|生成树")
                        .commonCause()
                        .asks("MAC 地址在哪些端口之间漂移？这些端口下面接的是什么设备，是否有人新接了交换机或 Hub？",
                                "Between which ports do the MAC addresses flap, what is connected behind them, and was a switch or hub added recently?")
                        .checks(cmd("display mac-address flapping record", "show logging | include MACFLAP", "show ethernet-switching mac-learning-log")
                                        .h3c("display mac-address mac-move"),
                                CPU)
                        .fix(cmd("stp bpdu-protection ; interface {if} ; stp edged-port enable", "spanning-tree portfast bpduguard default ; interface {if} ; spanning-tree portfast",
                                "set protocols rstp bpdu-block-on-edge ; set protocols rstp interface {if} edge")))
                .finding(Finding.of("stp-topology-change", "(?<![A-Za-z])TC(?![A-Za-z])|TCN|topology change|拓扑(变化|改变)|MAC\\s*(地址)?表\\s*(刷新|清空)|flush|频繁|flap|闪断|短暂",
                                "频繁拓扑变化：每次 TC 都会刷新 MAC 地址表，造成短时泛洪和丢包。查 TC 的来源端口（往往是接终端但没配成边缘端口的接口在 up/down），把接终端的端口配置为边缘端口，并确认根桥是预期设备。",
                                "Frequent topology changes: every TC flushes MAC tables, causing short floods and loss. Trace the port the TCs "
                                        + "come from (usually an access port to an end host, not configured as edge, going up and down), make host "
                                        + "ports edge ports, and confirm the root bridge is the intended switch.")
                        .leading()
                        .checks(cmd("display stp tc-bpdu statistics", "show spanning-tree detail | include ieee|occurr|from|is exec", "show spanning-tree statistics")
                                .h3c("display stp tc"))
                        .fix(cmd("interface {if} ; stp edged-port enable", "interface {if} ; spanning-tree portfast", "set protocols rstp interface {if} edge")))
                .finding(Finding.of("stp-root-bridge", "root|根桥|根端口|priority|优先级|阻塞|blocking|discarding|新接入|新设备|new switch",
                                "根桥/端口角色不符预期：根桥由桥优先级和 MAC 决定，新接入设备的优先级更小（或相同而 MAC 更小）会抢占根桥，流量路径改变、端口被阻塞。把核心固定为根桥并在下联口开启根保护。",
                                "Unexpected root bridge or port roles: the root is chosen by bridge priority and MAC, so a newly connected "
                                        + "switch with a lower priority (or equal priority and lower MAC) takes over, paths change and ports block. "
                                        + "Pin the root on the core and enable root guard on downlinks.")
                        .checks(cmd("display stp brief", "show spanning-tree root", "show spanning-tree bridge"))
                        .leading()
                        .about("根桥|root")
                        .fix(cmd("stp root primary ; interface {if} ; stp root-protection", "spanning-tree vlan <vlan-id> root primary ; interface {if} ; spanning-tree guard root",
                                "set protocols rstp bridge-priority 4k ; set protocols rstp interface {if} no-root-port")))
                .finding(Finding.of("vlanif-down", "Vlanif|Vlan-interface|SVI|interface vlan|网关|gateway|三层|layer 3",
                                "VLANIF/SVI 接口 down：VLAN 内没有任何 up 的成员端口（含 Trunk 放行）时三层接口不会 up，网关 ping 不通。",
                                "VLANIF/SVI down: a VLAN interface only comes up when at least one member port (trunks that allow the VLAN "
                                        + "included) is up, otherwise the gateway does not answer.")
                        .checks(cmd("display ip interface brief", "show ip interface brief", "show interfaces terse irb")))
                .ask(List.of(
                                "具体现象是什么：同 VLAN 不通、跨交换机不通、还是大面积断网/广播风暴？请贴出 {cmd} 的输出。",
                                "相关端口的链路类型（access/trunk/hybrid）、放行 VLAN 和 PVID/Native VLAN 是怎么配置的？",
                                "日志里有没有 MAC 地址漂移、STP 拓扑变化或端口阻塞的记录？"),
                        List.of(
                                "What exactly fails: hosts in the same VLAN, across switches, or a wide outage / broadcast storm? Please paste the output of {cmd}.",
                                "How are the link type (access/trunk/hybrid), allowed VLANs and PVID/native VLAN configured on the ports involved?",
                                "Does the log show MAC flapping, STP topology changes or blocked ports?"))
                .askChecked(List.of("您已经检查或尝试过哪些项（例如两端放行 VLAN、STP 根桥、关闭可疑端口）？结果如何？"),
                        List.of("What have you already checked or tried (e.g. allowed VLANs on both ends, STP root, shutting a suspect port), and with what result?"));
    }

    static Playbook vrrpHsrp() {
        VendorCommand hsrpBrief = new VendorCommand(null, null, "show standby brief", null, "show standby brief", null);
        return Playbook.of(FaultCategory.VRRP_HSRP)
                .commands(
                        cmd("display vrrp brief", "show vrrp brief", "show vrrp summary").h3c("display vrrp"),
                        cmd("display vrrp statistics", "show vrrp", "show vrrp detail"),
                        cmd("display logbuffer | include VRRP", "show logging | include VRRP|HSRP|STANDBY", "show log messages | match vrrp"))
                .finding(Finding.of("vrrp-dual-master", "双主|dual[- ]master|双\\s*Master|两台都是\\s*(Master|主)|两台都为\\s*(Master|主)|both[^.。\\n]{0,20}(master|active)|(master|active)[^.。\\n]{0,20}both|(?-i:Master).{0,20}(?-i:Master)|(?-i:Active).{0,20}(?-i:Active)",
                                "双主（两台都是 Master/Active）：说明备设备收不到主设备的通告报文。检查两台设备之间承载该 VLAN 的二层链路（Trunk 是否放行该 VLAN、STP 是否阻塞），"
                                        + "ACL 是否拦截 VRRP（IP 协议号 112，组播 224.0.0.18）或 HSRP（UDP 1985，224.0.0.2/224.0.0.102），以及两端 VRID/组号、认证、通告间隔、版本是否一致。",
                                "Dual master (both routers Master/Active): the backup does not receive the master's advertisements. Check the "
                                        + "layer-2 path between the two for that VLAN (allowed on the trunk, not blocked by STP), ACLs dropping VRRP "
                                        + "(IP protocol 112, 224.0.0.18) or HSRP (UDP 1985, 224.0.0.2/224.0.0.102), and that VRID/group, "
                                        + "authentication, advertisement interval and version match.")
                        .about("链路|link|ACL")
                        .commonCause()
                        .checks(cmd("display port vlan", "show interfaces trunk", "show ethernet-switching interface").h3c("display port trunk")))
                .finding(Finding.of("vrrp-flapping", "flap|震荡|频繁|反复|切换|switchover|抖动|来回",
                                "主备频繁切换：通告报文间歇丢失（链路拥塞、CPU 过高、二层环路）、抢占延时过短，或被跟踪的上行接口/BFD/NQA 本身在抖动。加大抢占延时，先排查被跟踪对象的稳定性。",
                                "Frequent master/backup switchovers: advertisements are lost intermittently (congestion, high CPU, a layer-2 "
                                        + "loop), the preemption delay is too short, or the tracked uplink/BFD/NQA object itself flaps. Lengthen the "
                                        + "preemption delay and stabilise the tracked object first.")
                        .commonCause()
                        .checks(CPU))
                .finding(Finding.of("vrrp-preempt", "preempt|抢占|回切|不切回|not (switch|fail) ?back|priority|优先级|恢复后",
                                "故障恢复后不回切或切换不符合预期：检查优先级与抢占配置——思科 HSRP 默认不抢占，需要配置 standby preempt；华为 VRRP 默认抢占、延时 0；"
                                        + "同时确认 track 扣减后的优先级确实低于备设备。",
                                "No failback after recovery, or unexpected switchover: check priority and preemption - Cisco HSRP does not "
                                        + "preempt by default (`standby preempt` needed), Huawei VRRP preempts immediately by default; and make sure "
                                        + "the priority after the track decrement really drops below the backup's.")
                        .commonCause()
                        .fix(cmd("interface Vlanif<vlan-id> ; vrrp vrid <vrid> preempt-mode timer delay 20",
                                "interface Vlan<vlan-id> ; standby <group> preempt delay minimum 60",
                                "set interfaces irb unit <vlan-id> family inet address <ip/mask> vrrp-group <group> preempt")
                                .h3c("interface Vlan-interface<vlan-id> ; vrrp vrid <vrid> preempt-mode delay 20")))
                .finding(Finding.of("vrrp-track", "track|联动|上行|uplink|BFD|NQA|不切换|没有切换|did not (switch|fail)",
                                "上行故障没有触发切换：需要把上行接口或 BFD/NQA 与 VRRP/HSRP 联动（track），并让扣减后的优先级低于备设备。",
                                "Uplink failure did not trigger a switchover: the uplink (or a BFD/NQA probe) must be tracked by VRRP/HSRP and "
                                        + "the decrement must take the priority below the backup's.")
                        .asks("上行接口或 BFD/NQA 是否已与 VRRP/HSRP 联动（track）？扣减值是多少，两台设备的优先级分别是多少？",
                                "Is the uplink (or a BFD/NQA probe) tracked by VRRP/HSRP, with what decrement, and what are both routers' priorities?")
                        .about("track|联动")
                        .fix(cmd("interface Vlanif<vlan-id> ; vrrp vrid <vrid> track interface <uplink> reduced 20",
                                "track 1 interface <uplink> line-protocol ; interface Vlan<vlan-id> ; standby <group> track 1 decrement 20",
                                "set interfaces irb unit <vlan-id> family inet address <ip/mask> vrrp-group <group> track interface <uplink> priority-cost 20")))
                .finding(Finding.of("hsrp-specifics", "HSRP|standby|GLBP",
                                "HSRP 要点：组号、版本（v1 用 224.0.0.2，v2 用 224.0.0.102）、认证与虚拟 IP 须一致；HSRP 默认不抢占。华为、华三和 Juniper 设备不支持 HSRP，与它们互通需改用 VRRP。",
                                "HSRP specifics: group number, version (v1 uses 224.0.0.2, v2 224.0.0.102), authentication and virtual IP must "
                                        + "match; HSRP does not preempt by default. Huawei, H3C and Juniper do not speak HSRP; use VRRP to interoperate.")
                        .leading()
                        .checks(hsrpBrief))
                .ask(List.of(
                                "两台设备当前分别是什么状态（Master/Backup 或 Active/Standby）？请贴出 {cmd} 的输出。",
                                "问题是双主、频繁切换，还是故障后没有切换/没有回切？日志里的切换原因是什么？",
                                "VRID/组号、优先级、抢占和 track 是怎么配置的？两台设备之间的二层链路是否放行该 VLAN？"),
                        List.of(
                                "Which state is each router in (Master/Backup or Active/Standby)? Please paste the output of {cmd}.",
                                "Is it dual master, frequent switchovers, or no switchover/failback on a failure? What reason does the log give?",
                                "How are VRID/group, priority, preemption and tracking configured, and does the link between the two routers carry that VLAN?"))
                .askChecked(List.of("您已经检查或尝试过哪些项（例如两台设备之间的链路、优先级与抢占、track 对象）？结果如何？"),
                        List.of("What have you already checked or tried (e.g. the link between the routers, priority and preemption, tracked objects), and with what result?"));
    }

    static Playbook interfaceOptics() {
        return Playbook.of(FaultCategory.INTERFACE_OPTICS)
                .commands(
                        INTERFACE,
                        cmd("display transceiver interface {if} verbose", "show interfaces {if} transceiver detail", "show interfaces diagnostics optics {if}")
                                .h3c("display transceiver diagnosis interface {if}").zte("show opticalinfo {if}")
                                .ruijie("show interfaces {if} transceiver diagnosis"),
                        cmd("display interface brief", "show interfaces status", "show interfaces terse").zte("show ip interface brief"),
                        cmd("display logbuffer | include {if}", "show logging | include {if}", "show log messages | match {if}"))
                .finding(Finding.of("optical-power", "光|optic|(?<![A-Za-z])(rx|tx)(?![A-Za-z])|dBm|power|功率|光衰|收光|发光|LOS|signal|光纤|fib(er|re)|SFP|QSFP|模块|transceiver",
                                "光功率异常：把收光功率与模块的接收灵敏度/过载点比较（常见 10G SR 约 -9.9 ~ +0.5 dBm，10G LR 约 -14.4 ~ +0.5 dBm，以模块手册为准）。"
                                        + "收光过低：光纤弯折或损坏、端面脏污、跳线或熔接点衰减过大、对端发光弱；收光过高（短距离直连 LR/ER 模块）需加衰减器。"
                                        + "两端模块须类型匹配（波长、SR/LR、单模/多模）；清洁端面，再用替换跳线、模块、端口交叉验证。",
                                "Optical power out of range: compare Rx power with the module's sensitivity and overload (typical 10G SR about "
                                        + "-9.9 to +0.5 dBm, 10G LR about -14.4 to +0.5 dBm; the module datasheet decides). Too low: bent or "
                                        + "damaged fibre, dirty connectors, lossy patch cords or splices, weak far-end transmitter; too high (LR/ER "
                                        + "over a short run) needs an attenuator. Both modules must match (wavelength, SR/LR, single/multi-mode); "
                                        + "clean the connectors, then swap patch cord, module and port to isolate.")
                        .about("光功率|收光|发光|optical power|rx power|光模块|模块|transceiver|SFP|optic\\w*|跳线|光纤|fib(er|re)|端面")
                        .commonCause())
                .finding(Finding.of("crc-errors", "CRC|错包|误码|error|FCS|runts|giants|丢包|packet loss|drops",
                                "CRC/错包持续增长：属于物理层问题——线缆或光纤质量、模块、端口，或双工不匹配（半双工一端出现冲突，另一端出现 CRC）。"
                                        + "清零计数后观察是否仍在增长，再逐段替换线缆、模块、端口定位。",
                                "CRC/input errors keep increasing: a physical-layer problem - cable or fibre, module, port, or a duplex mismatch "
                                        + "(collisions on the half-duplex side, CRCs on the other). Clear the counters, watch whether they still "
                                        + "grow, then swap cable, module and port one at a time.")
                        .about("线缆|网线|cable|跳线")
                        .commonCause()
                        .checks(cmd("reset counters interface {if}", "clear counters {if}", "clear interfaces statistics {if}")))
                .finding(Finding.of("link-flapping", "flap|闪断|频繁|up/down|up down|震荡|反复|抖动|(?<![A-Za-z])down(?![A-Za-z])|断开",
                                "接口频繁 up/down：先看日志里 down 的原因（对端关闭、信号丢失、协商失败、错误 down），检查光功率是否在临界值附近、自协商设置是否一致、对端设备是否重启；"
                                        + "可配置接口 down 延时/抑制减轻震荡影响，但要先找到物理原因。",
                                "Interface going up and down: read the reason for each down in the log (far end shut, loss of signal, "
                                        + "negotiation failure, error-down), check whether optical power sits near a threshold, whether "
                                        + "auto-negotiation matches, whether the far end rebooted; damping/carrier-delay softens the effect but the "
                                        + "physical cause must be found first.")
                        .commonCause())
                .finding(Finding.of("negotiation", "协商|duplex|双工|速率|speed|negotiat|auto|half|full",
                                "速率/双工协商：一端强制速率双工、另一端自协商会导致半双工或协商失败；光口两端的自协商开关也须一致。两端配置保持一致。",
                                "Speed/duplex negotiation: one end forced and the other auto-negotiating ends in half duplex or no link; on "
                                        + "optical ports auto-negotiation must be on or off on both ends. Configure both ends the same way.")
                        .about("协商|双工|duplex|speed|速率")
                        .fix(cmd("interface {if} ; undo negotiation auto ; speed 1000 ; duplex full", "interface {if} ; speed 1000 ; duplex full",
                                "set interfaces {if} ether-options no-auto-negotiation")))
                .finding(Finding.of("error-down", "error[- ]?down|err-?disabled?|errdisable|bpdu|loopback-detect|环路检测|storm|风暴|port-security|端口安全",
                                "接口被错误关闭（error-down/err-disabled）：由 BPDU 保护、环路检测、风暴控制、端口安全等功能触发。从日志确认触发原因，处理根源后手工恢复（shutdown 后再 undo shutdown/no shutdown）或配置自动恢复。",
                                "Port error-disabled (error-down/err-disabled): triggered by BPDU guard, loop detection, storm control or port "
                                        + "security. Find the trigger in the log, fix the cause, then bounce the port or configure automatic recovery.")
                        .leading()
                        .checks(cmd("display error-down recovery", "show interfaces status err-disabled", "show interfaces {if} extensive")))
                .finding(Finding.of("link-aggregation", "Eth-Trunk|LACP|port-channel|聚合|aggregat|bundle|成员|member|(?<![A-Za-z])ae[0-9]",
                                "链路聚合成员不加入或单通：两端模式须一致（静态/LACP）、成员端口速率双工和类型一致；一端 LACP 一端手工聚合会导致环路或单通。检查每个成员的协商状态。",
                                "Aggregation members not joining or one-way: both ends need the same mode (static vs LACP) and members with the "
                                        + "same speed, duplex and type; LACP on one end and static on the other causes loops or one-way traffic. "
                                        + "Check each member's negotiation state.")
                        .leading()
                        .about("LACP|聚合|mode|模式")
                        .checks(cmd("display eth-trunk", "show etherchannel summary", "show lacp interfaces").h3c("display link-aggregation verbose")
                                .ruijie("show aggregateport summary").zte("show lacp internal")))
                .finding(Finding.of("path-mtu", "MTU|大包|jumbo|fragment|分片|小包",
                                "MTU 不一致：小包通、大包不通（带 DF 的大包 ping 失败），逐跳核对接口 MTU。",
                                "MTU mismatch: small packets pass, large ones do not (large don't-fragment pings fail); compare the interface "
                                        + "MTU hop by hop.")
                        .about("MTU")
                        .checks(cmd("ping -f -s 1472 <destination-ip>", "ping <destination-ip> size 1500 df-bit", "ping <destination-ip> size 1472 do-not-fragment")))
                .ask(List.of(
                                "是哪个接口，现象是 down、频繁 up/down、错包还是丢包？请贴出 {cmd} 的输出。",
                                "光口的话，两端收光/发光功率是多少 dBm，模块型号（SR/LR、波长）是否一致？",
                                "日志里该接口 down 的原因是什么（信号丢失、对端关闭、error-down 等）？"),
                        List.of(
                                "Which interface, and is it down, flapping, taking errors or dropping? Please paste the output of {cmd}.",
                                "For optical ports: what are the Rx/Tx power levels in dBm on both ends, and do the module types (SR/LR, wavelength) match?",
                                "What reason does the log give for the interface going down (loss of signal, far end shut, error-down...)?"))
                .askChecked(List.of("您已经尝试过哪些项（例如清洁端面、更换跳线/光模块/端口、核对两端协商设置）？结果如何？"),
                        List.of("What have you already tried (e.g. cleaning connectors, swapping patch cord/module/port, matching negotiation), and with what result?"));
    }
}
