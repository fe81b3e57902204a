package com.ipexpert.retrieval.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The English words of a Chinese question's networking terms, so its keyword query also meets an English manual:
 * 邻居 is "neighbor" there, 定时器 "timer", 对等体 "peer". A question keeps its own words; these are added beside
 * them. The glossary is general networking and configuration vocabulary (how vendors' English manuals name what a
 * Chinese engineer asks about), not the wording of any labelled question.
 */
final class CrossLingualTerms {
    private static final Map<String, String> GLOSSARY = Map.ofEntries(
            // configuration verbs and what manuals call a setting
            Map.entry("修改", "set change"), Map.entry("设置", "set"), Map.entry("配置", "configure configuration"),
            Map.entry("开启", "enable"), Map.entry("启用", "enable"), Map.entry("使能", "enable"),
            Map.entry("关闭", "disable"), Map.entry("禁用", "disable"), Map.entry("取消", "remove"),
            Map.entry("删除", "delete remove"), Map.entry("创建", "create"), Map.entry("新建", "create new"),
            Map.entry("查看", "show display"), Map.entry("显示", "show display"), Map.entry("重启", "restart"),
            Map.entry("清除", "clear"), Map.entry("默认", "default"), Map.entry("缺省", "default"),
            Map.entry("默认值", "default value"), Map.entry("单位", "unit"), Map.entry("范围", "range"),
            Map.entry("最大", "maximum"), Map.entry("最小", "minimum"), Map.entry("数量", "number"),
            Map.entry("命令", "command"), Map.entry("参数", "parameter"), Map.entry("模式", "mode"),
            Map.entry("名称", "name"), Map.entry("描述", "description"), Map.entry("版本", "version"),
            Map.entry("日志", "log logging"), Map.entry("调试", "debug"), Map.entry("状态", "state status"),
            Map.entry("统计", "statistics"), Map.entry("计数", "counter"),
            // protocol machinery
            Map.entry("邻居", "neighbor"), Map.entry("邻接", "adjacency"), Map.entry("对等体", "peer"),
            Map.entry("会话", "session"), Map.entry("定时器", "timer"), Map.entry("计时器", "timer"),
            Map.entry("间隔", "interval"), Map.entry("超时", "timeout"), Map.entry("保持", "hold"),
            Map.entry("存活", "keepalive"), Map.entry("保活", "keepalive"), Map.entry("报文", "packet message"),
            Map.entry("数据包", "packet"), Map.entry("认证", "authentication"), Map.entry("验证", "authentication"),
            Map.entry("密钥", "key"), Map.entry("密码", "password"), Map.entry("加密", "encryption"),
            Map.entry("检测", "detection detect"), Map.entry("倍数", "multiplier"), Map.entry("回声", "echo"),
            Map.entry("多跳", "multihop"), Map.entry("单跳", "single-hop"), Map.entry("优先级", "priority"),
            Map.entry("抢占", "preempt"), Map.entry("主备", "master backup"), Map.entry("虚拟", "virtual"),
            Map.entry("水平分割", "split-horizon"), Map.entry("毒性逆转", "poison reverse"),
            Map.entry("区域", "area"), Map.entry("骨干", "backbone"), Map.entry("末节", "stub"),
            Map.entry("开销", "cost"), Map.entry("度量", "metric"), Map.entry("带宽", "bandwidth"),
            Map.entry("延迟", "delay"), Map.entry("时延", "delay latency"), Map.entry("权重", "weight"),
            Map.entry("重分发", "redistribute"), Map.entry("重分布", "redistribute"), Map.entry("引入", "redistribute import"),
            Map.entry("汇总", "summary summarize"), Map.entry("聚合", "aggregate"), Map.entry("通告", "advertise"),
            Map.entry("发布", "advertise"), Map.entry("过滤", "filter"), Map.entry("策略", "policy"),
            Map.entry("匹配", "match"), Map.entry("允许", "permit"), Map.entry("拒绝", "deny"),
            Map.entry("动作", "action"), Map.entry("规则", "rule"), Map.entry("序号", "sequence"),
            Map.entry("团体", "community"), Map.entry("属性", "attribute"), Map.entry("自治系统", "autonomous system"),
            Map.entry("反射器", "reflector"), Map.entry("联盟", "confederation"), Map.entry("前缀", "prefix"),
            Map.entry("列表", "list"), Map.entry("路由表", "routing table"), Map.entry("路由", "route routing"),
            Map.entry("路由器", "router"), Map.entry("下一跳", "nexthop next-hop"), Map.entry("静态", "static"),
            Map.entry("等价", "equal-cost multipath"), Map.entry("负载分担", "multipath load balancing"),
            Map.entry("收敛", "convergence"), Map.entry("平滑重启", "graceful restart"),
            Map.entry("组播", "multicast"), Map.entry("广播", "broadcast"), Map.entry("单播", "unicast"),
            // interfaces, addressing and the box
            Map.entry("接口", "interface"), Map.entry("端口", "port"), Map.entry("链路", "link"),
            Map.entry("地址", "address"), Map.entry("掩码", "mask"), Map.entry("网段", "subnet network"),
            Map.entry("子网", "subnet"), Map.entry("网关", "gateway"), Map.entry("隧道", "tunnel"),
            Map.entry("网桥", "bridge"), Map.entry("桥接", "bridge"), Map.entry("交换机", "switch"),
            Map.entry("防火墙", "firewall"), Map.entry("域名", "domain name"), Map.entry("解析", "resolve resolution"),
            Map.entry("进程", "process daemon"), Map.entry("守护进程", "daemon"), Map.entry("实例", "instance"),
            Map.entry("数据库", "database"), Map.entry("文件", "file"),
            Map.entry("服务", "service"), Map.entry("流量", "traffic"), Map.entry("丢包", "packet loss"));

    /** Longest first, so 路由器 is read before 路由 and 默认值 before 默认. */
    private static final List<String> TERMS = GLOSSARY.keySet().stream()
            .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
            .toList();

    private CrossLingualTerms() {}

    /** {@code question} followed by the English words of its terms, or as it is when it has none. */
    static String withEnglish(String question) {
        String english = english(question);
        return english.isEmpty() ? question : question + " " + english;
    }

    /** The English words of the glossary's terms found in {@code question}, each once; empty when there are none. */
    static String english(String question) {
        Set<String> words = new LinkedHashSet<>();
        StringBuilder rest = new StringBuilder(question);
        for (String term : TERMS) {
            int at = rest.indexOf(term);
            while (at >= 0) {
                words.add(GLOSSARY.get(term));
                // a term read is blanked, so the shorter terms inside it (路由 in 路由器) are not read again
                for (int i = at; i < at + term.length(); i++) rest.setCharAt(i, ' ');
                at = rest.indexOf(term, at + term.length());
            }
        }
        return String.join(" ", new ArrayList<>(words));
    }
}
