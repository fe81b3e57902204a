package com.ipexpert.analyst.offline;

import static org.assertj.core.api.Assertions.assertThat;

import com.ipexpert.analyst.AnalysisDecision;
import com.ipexpert.analyst.AnalysisDecision.NeedMoreInformation;
import com.ipexpert.analyst.AnalysisDecision.ProposedSolution;
import com.ipexpert.analyst.cli.CommandSafety;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/** The offline analyst listens: what was checked, what was pasted, which platform and which identifiers. */
class ListeningAnalystTest {

    private final OfflineAnalyst analyst = new OfflineAnalyst();

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> hypotheses(AnalysisDecision d) {
        return (List<Map<String, Object>>) d.trace().get("hypotheses");
    }

    private static Map<String, Object> hypothesis(AnalysisDecision d, String id) {
        return hypotheses(d).stream().filter(h -> id.equals(h.get("id"))).findFirst().orElseThrow(() -> new AssertionError(id + " not weighed"));
    }

    private ProposedSolution solve(String question, String... answers) {
        Conversations c = Conversations.asking(question);
        AnalysisDecision d = analyst.analyse(c.build(), List.of());
        int i = 0;
        while (d instanceof NeedMoreInformation ask) {
            c.answered(ask.suggestedQuestions(), i < answers.length ? answers[i++] : "不清楚");
            d = analyst.analyse(c.build(), List.of());
        }
        return (ProposedSolution) d;
    }

    @Test
    void what_the_engineer_checked_rules_causes_out_and_what_is_not_checked_yet_comes_first() {
        ProposedSolution s = solve("华为NE40E OSPF邻居卡在ExStart，已经检查了Router ID没有重复，还没有检查MTU，认证没有配置");

        assertThat(hypothesis(s, "ospf-duplicate-router-id")).containsEntry("status", "ruled out")
                .containsEntry("because", List.of("已经检查了Router ID没有重复"));
        assertThat(hypothesis(s, "ospf-mtu-mismatch")).containsEntry("status", "open").containsEntry("notYetChecked", true)
                .containsEntry("because", List.of("还没有检查MTU"));
        assertThat(hypotheses(s).get(0)).containsEntry("id", "ospf-mtu-mismatch");
        assertThat(s.answer().lines().filter(l -> l.startsWith("1. ")).findFirst().orElseThrow()).contains("MTU");
        assertThat(s.answer().indexOf("Router ID 重复")).isGreaterThan(s.answer().indexOf("MTU 不一致"));
    }

    @Test
    void english_negations_rule_causes_out_too() {
        ProposedSolution s = solve("Cisco ISR4451 OSPF neighbour stuck in EXSTART. Not MTU, both are 1500. Router IDs are unique.");

        assertThat(hypothesis(s, "ospf-mtu-mismatch")).containsEntry("status", "ruled out");
        assertThat(hypothesis(s, "ospf-duplicate-router-id")).containsEntry("status", "ruled out");
    }

    @Test
    void pasted_exstart_with_mtus_of_1500_and_9000_names_the_mtu_mismatch_cites_both_lines_and_gives_the_fix() {
        ProposedSolution s = solve("""
                华为NE40E OSPF邻居起不来
                [~PE1]display ospf peer brief
                 Area Id          Interface                        Neighbor id      State
                 0.0.0.0          GigabitEthernet1/0/0             10.1.1.2         ExStart
                [~PE1]display interface GigabitEthernet1/0/0
                The Maximum Transmit Unit is 1500
                对端 The Maximum Transmit Unit is 9000""");

        Map<String, Object> mtu = hypothesis(s, "ospf-mtu-mismatch");
        assertThat(mtu).containsEntry("status", "confirmed");
        assertThat(mtu.get("because")).isEqualTo(List.of("The Maximum Transmit Unit is 1500", "对端 The Maximum Transmit Unit is 9000"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> facts = (List<Map<String, Object>>) ((Map<String, Object>) s.trace().get("deviceOutput")).get("facts");
        // the neighbour is the router id of the row, not the area id in front of it
        assertThat(facts).anySatisfy(f -> assertThat(f).containsEntry("kind", "neighbour-state").containsEntry("value", "ExStart")
                .containsEntry("subject", "10.1.1.2"));
        assertThat(facts).filteredOn(f -> "mtu".equals(f.get("kind"))).extracting(f -> f.get("value")).containsExactly("1500", "9000");
        assertThat(s.answer()).contains("The Maximum Transmit Unit is 1500").contains("mtu <same-value-both-ends>");
        @SuppressWarnings("unchecked")
        Map<String, Object> root = (Map<String, Object>) s.trace().get("rootCause");
        assertThat(root).containsEntry("faultType", "ospf-mtu-mismatch").containsEntry("status", "confirmed")
                .containsEntry("device", "Huawei VRP").containsEntry("component", "interface GigabitEthernet1/0/0");
        // the change comes after the checks, with its rollback
        assertThat(s.answer().indexOf("undo mtu")).isGreaterThan(s.answer().indexOf("display ospf peer"));
    }

    @Test
    void frrouting_is_recognised_and_spoken_through_vtysh_and_the_platform_is_asked_about_once() {
        Conversations c = Conversations.asking("OSPF邻居一直卡在ExStart");
        NeedMoreInformation first = (NeedMoreInformation) analyst.analyse(c.build(), List.of());
        assertThat(first.suggestedQuestions().stream().filter(q -> q.contains("厂商")).count()).isEqualTo(1);
        c.answered(first.suggestedQuestions(), "不知道");
        AnalysisDecision second = analyst.analyse(c.build(), List.of());
        if (second instanceof NeedMoreInformation again) assertThat(again.suggestedQuestions()).noneMatch(q -> q.contains("厂商"));

        ProposedSolution s = solve("OSPF邻居一直卡在ExStart", "设备是 FRRouting 8.4，跑在Ubuntu上，用vtysh配置的");
        assertThat(s.vendor()).isEqualTo("FRRouting");
        assertThat(s.commands()).isNotEmpty().allMatch(cmd -> cmd.startsWith("vtysh -c ") || cmd.matches("^(ip|ss|tcpdump|nft|birdc) .*"));
        assertThat(s.commands()).noneMatch(cmd -> cmd.startsWith("display") || cmd.startsWith("show"));
    }

    @Test
    void the_examples_of_a_quoted_vendor_question_are_not_the_engineers_platform() {
        Conversations c = Conversations.asking("BGP session to 10.0.0.2 stays in Active, hold timer expired every few minutes");
        NeedMoreInformation first = (NeedMoreInformation) analyst.analyse(c.build(), List.of());
        String vendorQuestion = first.suggestedQuestions().stream().filter(q -> q.contains("vendor")).findFirst().orElseThrow();
        assertThat(vendorQuestion).contains("Huawei", "Cisco");
        // the console's suggestion button puts the question into the answer box; the engineer writes after it
        c.answered(first.suggestedQuestions(), vendorQuestion + " — FRRouting 8.4");

        ProposedSolution s = (ProposedSolution) analyst.analyse(c.build(), List.of());

        assertThat(s.vendor()).isEqualTo("FRRouting");
        assertThat(s.commands()).isNotEmpty().noneMatch(cmd -> cmd.startsWith("display") || cmd.startsWith("show"));
        @SuppressWarnings("unchecked")
        Map<String, Object> vendors = (Map<String, Object>) s.trace().get("vendorScores");
        assertThat(vendors).containsOnlyKeys("FRRouting");
    }

    @Test
    void the_examples_of_a_quoted_question_in_chinese_are_not_the_engineers_platform_either() {
        Conversations c = Conversations.asking("OSPF邻居一直卡在ExStart");
        NeedMoreInformation first = (NeedMoreInformation) analyst.analyse(c.build(), List.of());
        String vendorQuestion = first.suggestedQuestions().stream().filter(q -> q.contains("厂商")).findFirst().orElseThrow();
        c.answered(first.suggestedQuestions(), vendorQuestion + " 锐捷 RSR20-14E，RGOS 11.1");

        AnalysisDecision d = analyst.analyse(c.build(), List.of());

        assertThat(d.vendor()).isEqualTo("Ruijie");
    }

    @Test
    void the_examples_of_a_quoted_checks_question_rule_nothing_out_what_the_engineer_wrote_does() {
        String asked = "What have you already compared or tried (e.g. MTU, router ID, authentication on both ends, resetting the OSPF process), and with what result?";
        ProposedSolution s = (ProposedSolution) analyst.analyse(Conversations.asking("Cisco ISR4451 OSPF neighbour stuck in EXSTART")
                .answered(List.of(asked), asked + " Router IDs are unique, I have not checked anything else").build(), List.of());

        assertThat(hypothesis(s, "ospf-duplicate-router-id")).containsEntry("status", "ruled out");
        assertThat(hypothesis(s, "ospf-mtu-mismatch")).containsEntry("status", "open");
        assertThat(hypothesis(s, "ospf-mtu-mismatch").get("because")).asList().noneMatch(b -> String.valueOf(b).contains("e.g."));
    }

    @Test
    void nokia_mikrotik_linux_and_arista_get_commands_in_their_own_syntax() {
        assertThat(solve("Nokia 7750 SR OSPF neighbour stuck in ExStart, port 1/1/3 mtu 9212 vs 1500").commands())
                .isNotEmpty().allMatch(c -> c.startsWith("show router ") || c.startsWith("show port ") || c.startsWith("show log "));
        assertThat(solve("MikroTik CCR2004 RouterOS 7 BGP session to 100.64.1.1 never establishes").commands())
                .isNotEmpty().allMatch(c -> c.startsWith("/"));
        assertThat(solve("Debian 12 server: ping -M do -s 8972 10.5.0.20 fails, message too long, ip link show ens1f0 mtu 1500").commands())
                .isNotEmpty().allMatch(c -> c.matches("^(ip|ethtool|ping|tcpdump|ss|nft|traceroute|sysctl|conntrack|dig|cat|resolvectl|journalctl|tc) .*"));
        ProposedSolution arista = solve("Arista 7050 EOS 4.28 OSPF neighbour on Ethernet49/1 stuck in INIT");
        assertThat(arista.vendor()).isEqualTo("Arista");
        assertThat(arista.commands()).isNotEmpty().allMatch(c -> c.startsWith("show "));
    }

    @Test
    void the_engineers_peer_and_interface_fill_the_commands() {
        ProposedSolution s = solve("Cisco ASR1001-X BGP neighbor 10.0.0.2 on Gi0/0/1 stays Idle, AS 65002");

        assertThat(String.join("\n", s.commands()) + s.answer()).doesNotContain("<peer-ip>");
        assertThat(s.commands()).anyMatch(c -> c.contains("10.0.0.2"));
        assertThat(SolutionComposer.ownIdentifiers("show bgp neighbors 2001:DB8::2", new VendorCommand.Placeholders(null, "10.0.0.2", null, null, null, null, null),
                "peer 10.0.0.2")).isEqualTo("show bgp neighbors 10.0.0.2");
    }

    @Test
    void how_to_set_the_timers_is_answered_from_the_cited_passage_with_the_engineers_peer() {
        CaseConversationsHolder c = new CaseConversationsHolder("Cisco ASR1001-X BGP neighbor 10.0.0.2 flaps, hold timer expired every 3 minutes. How do I set the timers?");
        var passage = Passages.passage("bgp-timers").vendor("Cisco").tags("bgp").score(0.9).text(
                "BGP keepalive and hold timers per neighbor on IOS:\nRouter(config-router)# neighbor 2001:DB8::2 timers 10 30\nshow ip bgp neighbors 2001:DB8::2").build();
        ProposedSolution s = (ProposedSolution) analyst.analyse(c.conversation(), List.of(passage));

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> changes = (List<Map<String, Object>>) s.trace().get("changes");
        assertThat(changes).anySatisfy(ch -> assertThat(ch).containsEntry("command", "neighbor 10.0.0.2 timers 10 30")
                .containsEntry("rollback", "no neighbor 10.0.0.2 timers 10 30").containsEntry("cause", "asked: how to set timers"));
        assertThat(s.commands()).contains("show ip bgp neighbors 10.0.0.2").noneMatch(cmd -> cmd.contains("2001:DB8"));
        assertThat(s.answer()).contains("neighbor 10.0.0.2 timers 10 30");
    }

    /** A one-question conversation. */
    private record CaseConversationsHolder(String question) {
        com.ipexpert.analyst.CaseConversation conversation() {
            return Conversations.asking(question).build();
        }
    }

    @Test
    void every_command_is_labelled_and_a_service_affecting_change_carries_a_warning() {
        ProposedSolution s = solve("华为NE40E OSPF 邻居卡在 ExStart，日志提示 router-id 冲突，MTU 两端一致");

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> labels = (List<Map<String, Object>>) s.trace().get("commandSafety");
        assertThat(labels).extracting(l -> l.get("command")).containsExactlyElementsOf(s.commands());
        assertThat(labels).allSatisfy(l -> assertThat(l.get("safety")).isIn("read-only", "config-change", "service-affecting"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> changes = (List<Map<String, Object>>) s.trace().get("changes");
        assertThat(changes).anySatisfy(c -> assertThat(c).containsEntry("safety", "service-affecting").containsEntry("cause", "ospf-duplicate-router-id"));
        assertThat(changes).allSatisfy(c -> assertThat(c.get("rollback")).isNotNull());
        assertThat(s.answer()).contains("⚠");
        assertThat(CommandSafety.of("display ospf peer")).isEqualTo(CommandSafety.READ_ONLY);
        assertThat(CommandSafety.of("interface GE1/0/0 ; mtu 9000")).isEqualTo(CommandSafety.CONFIG_CHANGE);
        assertThat(CommandSafety.of("reset ospf 1 process")).isEqualTo(CommandSafety.SERVICE_AFFECTING);
        assertThat(CommandSafety.of("clear ip bgp 10.0.0.2")).isEqualTo(CommandSafety.SERVICE_AFFECTING);
        assertThat(CommandSafety.of("ip -s link show eth0")).isEqualTo(CommandSafety.READ_ONLY);
        assertThat(CommandSafety.of("/interface set ether1 mtu=1500")).isEqualTo(CommandSafety.CONFIG_CHANGE);
    }

    @Test
    void two_hundred_kilobytes_of_output_are_read_up_to_the_limit_and_unknown_output_invents_no_fact() {
        StringBuilder big = new StringBuilder("华为 OSPF 邻居卡在 ExStart\n");
        while (big.length() < 200 * 1024) big.append("xyzzy frobnicate 42 quux plugh widget-state nominal\n");
        ProposedSolution s = solve(big.toString());

        @SuppressWarnings("unchecked")
        Map<String, Object> output = (Map<String, Object>) s.trace().get("deviceOutput");
        assertThat(output.get("parsedChars")).isEqualTo(DeviceOutput.MAX_PARSED_CHARS);
        assertThat((int) output.get("chars")).isGreaterThan(200 * 1024);
        assertThat(output.get("note").toString()).contains("only the first 65536");
        assertThat((List<?>) output.get("facts")).isEmpty();
        assertThat(s.answer()).contains("65536");
    }

    @Test
    void secrets_in_a_pasted_configuration_are_masked_and_the_step_says_which_kinds() {
        ProposedSolution s = solve("华为AR6120 OSPF邻居起不来：\ninterface GigabitEthernet0/0/1\n ospf authentication-mode md5 1 cipher %^%#Wq^aCF$TA4Z7v%^%#\nsnmp-agent community read Pub1ic-RO");

        assertThat(s.trace().get("maskedSecrets")).isEqualTo(Map.of("huawei-cipher", 1, "snmp-community", 1));
        assertThat(s.answer() + s.trace()).doesNotContain("Wq^aCF", "Pub1ic-RO");
    }
}
