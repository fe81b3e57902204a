package com.ipexpert.analyst.offline;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the engineer's text tells beyond category and vendor: whether it carries concrete symptoms (protocol
 * states, log messages, error counters, figures), whether it says what was already checked, and the
 * interfaces and addresses it names, which fill the commands' placeholders.
 */
record CaseFacts(List<String> symptomClues, List<String> observations, int symptomScore, boolean checksDone,
                 List<String> interfaces, List<String> addresses) {

    /** A symptom is concrete from this score on: one protocol state or log line, or two lesser clues. */
    static final int SYMPTOM_DETAIL = 2;

    /** A symptom clue; an observation is worth repeating back to the engineer (a state, a log line, a figure). */
    private record Clue(Pattern pattern, int weight, boolean observation) {
    }

    private static Clue clue(String regex, int weight) {
        return new Clue(Pattern.compile(regex, Pattern.UNICODE_CASE), weight, false);
    }

    private static Clue observation(String regex, int weight) {
        return new Clue(Pattern.compile(regex, Pattern.UNICODE_CASE), weight, true);
    }

    private static final String B = "(?<![A-Za-z0-9_])";
    private static final String E = "(?![A-Za-z0-9_])";

    private static final List<Clue> SYMPTOM_CLUES = List.of(
            // protocol and redundancy states, written as the CLI prints them
            observation(B + "(ExStart|EXSTART|Exchange|EXCHANGE|Loading|LOADING|Init|INIT|2-?Way|2WAY|Full|FULL|Idle|IDLE|Active|ACTIVE|Connect|OpenSent|OpenConfirm|Established|ESTABLISHED|"
                    + "Initializing|Initialized|Non Existent|MM_NO_STATE|MM_KEY_EXCH|QM_IDLE|Master|MASTER|Backup|BACKUP|Standby|Discarding|Blocking|err-disabled|error-down|Down|DOWN|"
                    + "Selected|Unselect|Unselected|Abnormal|Faulty|Offline|NXDOMAIN|SERVFAIL)" + E, 2),
            // log signatures: Cisco %OSPF-5-ADJCHG, Huawei OSPF/4/NBR_CHANGE_E, Junos RPD_OSPF_NBRDOWN
            observation("%[A-Z0-9_]+-[0-7]-[A-Z0-9_]+|" + B + "[A-Z][A-Z0-9_]+/[0-7]/[A-Z][A-Z0-9_]+|" + B + "(RPD|KMD|CHASSISD)_[A-Z_]+", 2),
            // a pasted command or its output
            clue("(?m)^\\s*([<\\[][^>\\]]{1,40}[>\\]]|[\\w.-]+#)?\\s*(display|dis|show)\\s+[a-z]|" + B
                    + "(display|show)\\s+(?!(the|a|an|that|this|you|me|us|it|all|how|what|which|no|up)" + E + ")[a-z][a-z-]+", 2),
            // an observed failure, described rather than pasted
            clue("(?i)看不到|学不到|收不到|拿不到|获取不到|访问不到|访问不了|上不了|无法访问|不通|不生效|没生效|没有命中|失败|不注册|起不来|建不起来|建立不起来|不回切|倒换|异常|中断|断开|断了|断一次|断掉|掉线|卡顿|过期|"
                    + "没有切换|没切换|did not (switch|fail over)|no failover|"
                    + "missing|not (working|passing|joining|forming|reachable|registering|coming up|received|matching)|fail(s|ed)?" + E + "|cannot|can't|is empty|no translations|expired|went down|goes down|is down", 1),
            clue(B + "((X|10|25|40|100)?GE|(Ten-|X)?GigabitEthernet|Gi|Te|Eth|ge-|xe-|et-|gei-|xgei-|Eth-Trunk|Vlanif|ae)[0-9][0-9/.:-]*|(?<![0-9.])([0-9]{1,3}\\.){3}[0-9]{1,3}(?![0-9])", 1),
            clue("(?i)报错|错误|提示|告警|日志|log(s|ging)?" + E + "|alarm|warning|error|fail(ed|ure|s)?|timeout|超时|拒绝|refused|denied|unreachable|notification|丢弃|drop(s|ped)?" + E, 1),
            observation("(?i)-?[0-9]+(\\.[0-9]+)?\\s*dBm|CRC|input errors|丢包率|packet loss|" + B + "(?i:mtu)\\s*(为|是|=|:)?\\s*[0-9]{3,4}|[0-9]{3,4}\\s*(和|与|vs\\.?|and)\\s*[0-9]{3,4}", 2),
            clue("(?i)[0-9]+\\s*(%|ms|秒|分钟|小时|次|s|sec|seconds|min|minutes|hours|Mbps|Gbps|kbps|M|G)" + E + "|每隔?\\s*[0-9一二三四五六七八九十几]+|every\\s+([0-9]+|few)", 1),
            clue("(?i)卡在|停在|一直是|一直在|状态为|状态是|显示|看到|发现|出现|频繁|反复|不停|不断|持续|变化|变了|stuck|stays|remains|shows|seen|observed|is in|keeps|changed|blocking", 1));

    private static final Pattern CHECKED = Pattern.compile(
            "(?i)已(经)?\\s*(检查|核对|确认|排查|尝试|重启|更换|替换|清除|重置|修改|配置|对比|比对|测试)|检查过|核对过|确认过|排查过|试过|换过|重启过|改过|排除了|"
                    + "(already|have|has|i've|we've)\\s+(checked|verified|tried|replaced|swapped|rebooted|restarted|confirmed|compared|cleared|reset)|"
                    + B + "(checked|verified|tried|ruled out|double-checked)" + E);

    private static final Pattern INTERFACE = Pattern.compile(B + "("
            + "(?:Ten-|X|25|40|100)?GigabitEthernet\\s?[0-9]+(?:/[0-9]+){1,3}(?:\\.[0-9]+)?"
            + "|(?:XGE|GE|10GE|25GE|40GE|100GE)\\s?[0-9]+(?:/[0-9]+){1,3}(?:\\.[0-9]+)?"
            + "|(?:FastEthernet|TenGigabitEthernet|HundredGigE|FortyGigabitEthernet|Ethernet)\\s?[0-9]+(?:/[0-9]+){1,3}"
            + "|(?:Gi|Te|Fa|Hu|Fo|Twe|Eth|Po)[0-9]+(?:/[0-9]+){0,3}(?:\\.[0-9]+)?"
            + "|(?:ge|xe|et|fe)-[0-9]+/[0-9]+/[0-9]+(?:\\.[0-9]+)?"
            + "|(?:gei|xgei|cgei)[-_][0-9]+(?:/[0-9]+){1,3}"
            + "|Eth-Trunk\\s?[0-9]+|Port-channel\\s?[0-9]+|Bridge-Aggregation\\s?[0-9]+|Vlanif\\s?[0-9]+|Vlan-interface\\s?[0-9]+"
            + "|Tunnel\\s?[0-9]+(?:/[0-9]+)*|LoopBack\\s?[0-9]+|ae[0-9]+(?:\\.[0-9]+)?"
            + ")" + E, Pattern.CASE_INSENSITIVE);

    private static final Pattern IPV4 = Pattern.compile(
            "(?<![0-9.])((?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(?:\\.(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){3})(?!\\.?[0-9])(?!/)");

    static CaseFacts of(String text) {
        String t = text == null ? "" : text;
        List<String> clues = new ArrayList<>();
        List<String> observations = new ArrayList<>();
        int score = 0;
        for (Clue c : SYMPTOM_CLUES) {
            Matcher m = c.pattern().matcher(t);
            if (m.find()) {
                score += c.weight();
                clues.add(m.group().strip());
                if (c.observation()) observations.add(m.group().strip());
            }
        }
        return new CaseFacts(List.copyOf(clues), List.copyOf(observations), score, CHECKED.matcher(t).find(),
                all(INTERFACE, t), all(IPV4, t));
    }

    boolean symptomDetail() {
        return symptomScore >= SYMPTOM_DETAIL;
    }

    /**
     * The same facts, with a cause from the category playbook the text points at counting as one lesser clue:
     * "flaps every 3 minutes" is concrete, "an OSPF area problem" is only a topic.
     */
    CaseFacts withFindingClues(List<String> findingIds) {
        if (findingIds.isEmpty()) return this;
        List<String> clues = new ArrayList<>(symptomClues);
        clues.add("points at: " + String.join(", ", findingIds));
        return new CaseFacts(List.copyOf(clues), observations, symptomScore + 1, checksDone, interfaces, addresses);
    }

    VendorCommand.Placeholders placeholders() {
        return placeholders("");
    }

    private static final Pattern IPV6 = Pattern.compile("(?<![0-9A-Fa-f:])((?:[0-9A-Fa-f]{1,4}:){2,7}:?[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{1,4})*)(?![0-9A-Fa-f:])");
    private static final Pattern AS_NUMBER = Pattern.compile("(?i)(?:(?<![A-Za-z])(?:remote-as|as-number|peer-as|remote\\.as=|(?-i:AS)号?)\\s*:?\\s*)([0-9]{1,10})(?![0-9])");
    private static final Pattern VLAN = Pattern.compile("(?i)(?<![A-Za-z])(?:VLAN|vlan-id|Vlanif|Vlan-interface|vid)\\s*([0-9]{1,4})(?![0-9])");
    private static final Pattern PROCESS = Pattern.compile("(?i)(?:(?<![A-Za-z])(?:ospf|isis)\\s+|process(?:-id)?\\s*\"?ospf\\s*|Process\\s+\"?|OSPF Process\\s+)([0-9]{1,5})(?![0-9./])");
    private static final Pattern VRF = Pattern.compile("(?<![A-Za-z])(?:VRF|vrf|vpn-instance|VPRN)\\s+([A-Za-z0-9][A-Za-z0-9_-]*)");
    private static final Pattern VRID = Pattern.compile("(?i)(?<![A-Za-z])(?:VRID|vrrp vrid|vrrp|standby|group)\\s*([0-9]{1,3})(?![0-9./])");

    /** The identifiers of {@code text} (the engineer's whole text) that fill commands. */
    VendorCommand.Placeholders placeholders(String text) {
        String t = text == null ? "" : text;
        String peer = addresses.isEmpty() ? first(IPV6, t) : addresses.get(0);
        List<String> as = all(AS_NUMBER, t);
        return new VendorCommand.Placeholders(interfaces.isEmpty() ? null : interfaces.get(0), peer,
                as.size() == 1 ? as.get(0) : null, first(VLAN, t), first(PROCESS, t), first(VRF, t), first(VRID, t));
    }

    private static String first(Pattern p, String text) {
        Matcher m = p.matcher(text);
        while (m.find()) {
            String v = m.group(1);
            if (p == IPV6 && !v.contains("::") && v.chars().filter(ch -> ch == ':').count() < 3) continue;
            return v;
        }
        return null;
    }

    private static List<String> all(Pattern pattern, String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) found.add(m.group(1).replace(" ", ""));
        return List.copyOf(found);
    }
}
