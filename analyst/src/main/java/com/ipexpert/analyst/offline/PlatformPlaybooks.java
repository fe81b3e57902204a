package com.ipexpert.analyst.offline;

import static com.ipexpert.analyst.offline.VendorCommand.cmd;

import com.ipexpert.analyst.classification.FaultCategory;

import java.util.List;

/** Playbooks for the box itself (hardware) and for whatever fits no other category. */
final class PlatformPlaybooks {

    private PlatformPlaybooks() {
    }

    static Playbook hardware() {
        return Playbook.of(FaultCategory.HARDWARE)
                .commands(
                        cmd("display device", "show inventory", "show chassis hardware").zte("show version"),
                        cmd("display alarm active", "show environment all", "show chassis alarms").h3c("display alarm")
                                .zte("show logging alarm").ruijie("show power"),
                        cmd("display version", "show version", "show version"),
                        cmd("display logbuffer", "show logging", "show log messages"))
                .finding(Finding.of("unexpected-reboot", "重启|reboot|reload|crash|宕机|死机|core|dump|uptime|异常|挂死|hang",
                                "设备异常重启：先查重启原因（版本信息中的运行时间和上次重启原因、重启记录）、重启前后的日志和告警，以及是否生成了 core/exception 文件。"
                                        + "常见原因：电源掉电、看门狗复位、软件缺陷（对照版本的补丁说明）。收集诊断信息后再决定打补丁、升级或返修。",
                                "Unexpected reboot: find the reboot reason first (uptime and last reload reason, reboot history), the logs and "
                                        + "alarms around it, and whether a core/exception file was written. Usual causes: power loss, watchdog "
                                        + "reset, a software defect (check the release's patch notes). Collect diagnostics before deciding between "
                                        + "patch, upgrade or RMA.")
                        .commonCause()
                        .checks(cmd("display reboot-info", "show version | include uptime|reason", "show system uptime").h3c("display version"),
                                cmd("display diagnostic-information", "show tech-support", "request support information")))
                .finding(Finding.of("power-fan-temperature", "电源|power|PSU|风扇|fan|温度|temperature|过温|高温|overheat|掉电|断电",
                                "电源/风扇/温度告警：确认电源模块输入（市电、PDU）和模块状态，风扇是否在位及转速，机房进风温度，以及设备风道方向（前后/左右进风）是否与机柜风道匹配、防尘网是否堵塞。"
                                        + "过温会触发降频、板卡下电甚至整机重启。",
                                "Power, fan or temperature alarm: check the power feed (mains, PDU) and module status, fan presence and speed, "
                                        + "inlet temperature, and whether the device airflow (front-to-back or side-to-side) matches the rack and the "
                                        + "dust filters are clean. Overheating leads to throttling, boards powering off or a full reboot.")
                        .about("电源|风扇|power|fan|温度")
                        .commonCause()
                        .checks(cmd("display power", "show environment power", "show chassis environment").ruijie("show power"),
                                cmd("display fan", "show environment fan", "show chassis fan").ruijie("show fan"),
                                cmd("display temperature all", "show environment temperature", "show chassis environment").h3c("display environment")
                                        .ruijie("show temperature")))
                .finding(Finding.of("high-cpu", "CPU|cpu-usage|占用|利用率|卡顿|slow|响应慢|登录慢",
                                "CPU 高：先找出占用高的任务/进程——路由协议计算、上送 CPU 的报文过多（ARP、ICMP、TTL 超时）、二层环路引起的广播、频繁的 SNMP 轮询，再对症处理（CPU 防攻击/CoPP 限速、消除环路、降低轮询频率）。",
                                "High CPU: find the busy task or process first - routing protocol churn, too much traffic punted to the CPU "
                                        + "(ARP, ICMP, TTL expiry), broadcast from a layer-2 loop, aggressive SNMP polling - then treat the cause "
                                        + "(CPU protection/CoPP, break the loop, poll less often).")
                        .asks("CPU 高时占用最高的是哪个任务/进程？同时上送 CPU 的报文（ARP、ICMP、协议报文）是否异常增多？",
                                "Which task or process is busiest when the CPU is high, and has the traffic punted to the CPU (ARP, ICMP, protocol packets) grown?")
                        .checks(cmd("display cpu-usage", "show processes cpu sorted", "show system processes extensive").zte("show processor").ruijie("show cpu"),
                                cmd("display cpu-defend statistics all", "show processes cpu history", "show chassis routing-engine").h3c("display cpu-usage history")))
                .finding(Finding.of("memory", "内存|memory|leak|泄漏|泄露",
                                "内存占用高或泄漏：观察内存是否随时间持续增长、哪个进程在增长；对照版本已知缺陷，必要时安排升级，或在维护窗口重启临时恢复。",
                                "High memory or a leak: watch whether usage keeps growing and which process grows; check known defects of "
                                        + "the release and plan an upgrade, or a reboot in a maintenance window as a stop-gap.")
                        .asks("内存是哪个进程（任务）在持续增长？增长速度大概是多少（每天/每周）？软件版本和补丁是什么？",
                                "Which process grows, and how fast (per day/week)? Which software release and patch does the device run?")
                        .checks(cmd("display memory-usage", "show processes memory sorted", "show system memory").h3c("display memory")
                                .zte("show processor").ruijie("show memory")))
                .finding(Finding.of("board-fault", "板卡|单板|线卡|接口板|业务板|line ?card|LPU|MPU|FPC|PIC|槽位|slot|注册|register|offline|离线|不在位|复位|reset",
                                "板卡异常（不注册、离线、反复复位）：查看板卡状态和告警，确认板卡与主控的软件版本/补丁一致、板卡插紧到位、整机电源功率是否足够；可通过重新插拔或换槽验证。",
                                "Board fault (not registering, offline, resetting): check board state and alarms, that board and main control "
                                        + "run the same software/patch, that the board is seated, and that the power budget suffices; reseat or "
                                        + "move it to another slot to confirm.")
                        .about("板卡|board|插拔|reseat")
                        .checks(cmd("display device", "show module", "show chassis fpc pic-status")))
                .finding(Finding.of("stack-split", "堆叠|stack|IRF|CSS|iStack|VSS|分裂|split|成员|member",
                                "堆叠分裂或成员无法加入：检查堆叠线缆和堆叠端口状态、成员编号与优先级是否冲突、各成员软件版本是否一致，以及分裂后的多主检测（MAD）配置。",
                                "Stack split or member not joining: check stack cables and ports, member IDs and priorities for conflicts, "
                                        + "identical software on all members, and multi-active detection (MAD) after a split.")
                        .checks(cmd("display stack", "show switch", "show virtual-chassis").h3c("display irf")))
                .ask(List.of(
                                "设备出现了什么告警或现象（重启、板卡离线、电源/风扇/温度告警、CPU/内存高）？请贴出 {cmd} 的输出。",
                                "问题是什么时候开始的？日志里有哪些相关记录（告警、重启原因、异常进程），是否生成了 core 文件？",
                                "机房环境（温度、供电）最近是否有变化？"),
                        List.of(
                                "Which alarm or symptom do you see (reboot, board offline, power/fan/temperature alarm, high CPU or memory)? Please paste the output of {cmd}.",
                                "When did it start? What does the log show around it (alarms, reboot reason, a busy process), and was a core file written?",
                                "Has anything changed in the room (temperature, power feed) recently?"))
                .askChecked(List.of("您已经检查或尝试过哪些项（例如查看告警、重新插拔板卡、更换电源/风扇）？结果如何？"),
                        List.of("What have you already checked or tried (e.g. alarms, reseating the board, swapping PSU/fan), and with what result?"));
    }

    static Playbook other() {
        return Playbook.of(FaultCategory.OTHER)
                .commands(
                        cmd("display version", "show version", "show version"),
                        cmd("display interface brief", "show ip interface brief", "show interfaces terse"),
                        cmd("display ip routing-table", "show ip route", "show route"),
                        cmd("display logbuffer", "show logging", "show log messages"))
                .finding(Finding.of("reachability", "ping|不通|unreachable|timeout|超时|无法访问|访问不了|can't reach|cannot reach|can not reach|no connectivity|断网|丢包",
                                "连通性问题：逐段 ping/traceroute 找到断点，分别检查去程和回程路由、ARP 表项，以及沿途的 ACL/安全策略。",
                                "Reachability: ping/traceroute hop by hop to find where it breaks, then check the forward and return routes, "
                                        + "ARP entries, and ACLs/security policies along the way.")
                        .commonCause()
                        .checks(cmd("tracert <destination-ip>", "traceroute <destination-ip>", "traceroute <destination-ip>"),
                                cmd("display arp", "show ip arp", "show arp")))
                .finding(Finding.of("routing-table", "路由|route|静态|static|默认路由|default|下一跳|next[- ]hop|网关|gateway",
                                "路由问题：检查路由表中是否有目的网段的最长匹配、下一跳是否可达（递归查找），静态路由的出接口/下一跳是否正确，以及对端是否有回程路由。",
                                "Routing: check the routing table for the longest match to the destination, that the next hop resolves, that "
                                        + "static routes point to the right next hop/interface, and that a return route exists.")
                        .commonCause()
                        .checks(cmd("display ip routing-table <destination-ip> verbose", "show ip route <destination-ip>", "show route <destination-ip> detail")))
                .finding(Finding.of("licence", "licen[cs]e|许可|授权|expired|过期",
                                "许可证问题：确认许可证是否过期或与设备序列号（ESN）不匹配、所需功能是否在许可证范围内；过期后部分功能会被限制。联系厂商续期或重新申请并激活。",
                                "Licence: check whether the licence expired or does not match the device serial number, and whether the "
                                        + "feature in use is covered; expired licences restrict features. Renew or re-issue it with the vendor and activate it.")
                        .leading()
                        .checks(cmd("display license", "show license", "show system license")))
                .finding(Finding.of("management-plane", "SNMP|NTP|syslog|AAA|RADIUS|TACACS|SSH|telnet|登录|login|网管|时钟|clock|认证失败",
                                "管理面问题：检查相关协议的配置与访问控制——SNMP 版本与团体字/用户、NTP 服务器可达性与认证、AAA/RADIUS 共享密钥与可达性、SSH/Telnet 的 VTY 访问控制与用户权限。",
                                "Management plane: check the protocol's configuration and access control - SNMP version and "
                                        + "community/user, NTP server reachability and authentication, AAA/RADIUS shared secret and reachability, "
                                        + "SSH/Telnet VTY access lists and user privileges.")
                        .checks(cmd("display users", "show users", "show system users")))
                .ask(List.of(
                                "具体是什么业务或协议出了问题？现象是什么（报错信息、影响范围、从哪里到哪里不通）？",
                                "请贴出相关日志或告警，以及 {cmd} 的输出。",
                                "问题是一直存在还是间歇出现？影响所有用户还是部分用户？"),
                        List.of(
                                "Which service or protocol is affected, and what exactly happens (error messages, scope, from where to where it fails)?",
                                "Please paste the relevant logs or alarms and the output of {cmd}.",
                                "Is it permanent or intermittent, and does it affect all users or only some?"))
                .askChecked(List.of("您已经检查或尝试过哪些操作？结果如何？"),
                        List.of("What have you already checked or tried, and with what result?"));
    }
}
