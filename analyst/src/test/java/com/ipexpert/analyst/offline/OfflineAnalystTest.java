package com.ipexpert.analyst.offline;

import static com.ipexpert.analyst.offline.Conversations.asking;
import static com.ipexpert.analyst.offline.Passages.passage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.ipexpert.analyst.AnalysisDecision;
import com.ipexpert.analyst.AnalysisDecision.NeedMoreInformation;
import com.ipexpert.analyst.AnalysisDecision.ProposedSolution;
import com.ipexpert.analyst.Evidence;
import com.ipexpert.analyst.cli.CommandSyntax;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

class OfflineAnalystTest {

    private final OfflineAnalyst analyst = new OfflineAnalyst();

    private static final Evidence HUAWEI_OSPF_MANUAL = passage("ospf-exstart").from("OSPF故障处理.pdf", "第12页").vendor("Huawei")
            .tags("ospf").score(0.81).text("""
                    OSPF 邻居停在 ExStart 状态通常是两端 MTU 不一致。
                    1. 执行 display ospf peer 查看邻居状态
                    2. <HUAWEI> display ospf interface GigabitEthernet0/0/1 verbose
                    3. reset ospf 1 process
                    """).build();
    private static final Evidence CISCO_OSPF_NOTE = passage("ios-exstart").from("ospf-ios.md", "Troubleshooting > EXSTART").vendor("Cisco")
            .tags("ospf").score(0.64).text("""
                    Neighbors stuck in EXSTART usually have an MTU mismatch.
                    Router# show ip ospf interface GigabitEthernet0/1
                    Router# debug ip ospf adj
                    """).build();
    private static final Evidence DHCP_GUIDE = passage("dhcp-pool").from("dhcp.pdf", "p. 3").vendor("Huawei").tags("dhcp").score(0.30)
            .text("DHCP 地址池配置：display ip pool 查看地址池使用情况").build();

    private AnalysisDecision analyse(Conversations conversation, Evidence... evidence) {
        return analyst.analyse(conversation.build(), List.of(evidence));
    }

    @Test
    void it_names_itself_offline_with_a_rules_version() {
        assertThat(analyst.name()).isEqualTo("offline");
        assertThat(analyst.version()).isEqualTo("offline-rules-2");
    }

    @Test
    void a_question_without_the_vendor_is_answered_with_questions_asking_for_it_first() {
        AnalysisDecision decision = analyse(asking("OSPF邻居状态卡在ExStart"));

        assertThat(decision).isInstanceOf(NeedMoreInformation.class);
        NeedMoreInformation clarification = (NeedMoreInformation) decision;
        assertThat(clarification.category()).isEqualTo("OSPF");
        assertThat(clarification.vendor()).isNull();
        assertThat(clarification.suggestedQuestions()).hasSizeBetween(1, 3);
        assertThat(clarification.suggestedQuestions().get(0)).contains("厂商").contains("型号");
    }

    @Test
    void the_analysis_says_what_it_makes_of_the_case_and_what_is_missing() {
        NeedMoreInformation clarification = (NeedMoreInformation) analyse(asking("OSPF邻居状态卡在ExStart"));

        assertThat(clarification.analysis()).contains("OSPF").contains("ExStart").contains("厂商").contains("还缺少");
    }

    @Test
    void questions_are_asked_in_the_language_the_engineer_writes() {
        NeedMoreInformation chinese = (NeedMoreInformation) analyse(asking("BGP邻居每3分钟震荡一次"));
        NeedMoreInformation english = (NeedMoreInformation) analyse(asking("BGP session flaps every 3 minutes"));

        assertThat(chinese.suggestedQuestions()).allMatch(q -> q.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN));
        assertThat(english.suggestedQuestions()).allMatch(q -> q.codePoints().noneMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN));
        assertThat(english.analysis()).startsWith("Likely fault category: BGP");
    }

    @Test
    void questions_about_symptoms_are_specific_to_the_category_and_name_the_vendors_command() {
        NeedMoreInformation clarification = (NeedMoreInformation) analyse(asking("华为S5700交换机上有个VLAN问题"));

        assertThat(clarification.vendor()).isEqualTo("Huawei");
        assertThat(clarification.suggestedQuestions()).anyMatch(q -> q.contains("display vlan"));
        assertThat(clarification.suggestedQuestions()).noneMatch(q -> q.contains("厂商"));
    }

    @Test
    void it_never_asks_the_same_question_twice() {
        Conversations conversation = asking("网络有问题");
        List<String> asked = new ArrayList<>();
        for (int turn = 0; turn < 2; turn++) {
            NeedMoreInformation clarification = (NeedMoreInformation) analyse(conversation);
            assertThat(clarification.suggestedQuestions()).hasSizeLessThanOrEqualTo(3).noneMatch(asked::contains);
            asked.addAll(clarification.suggestedQuestions());
            conversation.answered(clarification.suggestedQuestions(), "不清楚");
        }
        assertThat(new HashSet<>(asked)).hasSameSizeAs(asked);
    }

    @Test
    void a_question_asked_in_other_words_spacing_or_punctuation_is_still_not_asked_again() {
        NeedMoreInformation first = (NeedMoreInformation) analyse(asking("OSPF邻居状态卡在ExStart"));
        List<String> reworded = first.suggestedQuestions().stream().map(q -> " " + q.replace("，", ",").replace("？", "?") + "  ").toList();

        NeedMoreInformation second = (NeedMoreInformation) analyse(asking("OSPF邻居状态卡在ExStart").answered(reworded, "不知道"));

        assertThat(second.suggestedQuestions()).isNotEmpty().doesNotContainAnyElementsOf(first.suggestedQuestions());
    }

    @Test
    void after_two_clarification_turns_it_proposes_a_solution_with_what_it_has() {
        Conversations conversation = asking("网络有问题");
        conversation.answered(((NeedMoreInformation) analyse(conversation)).suggestedQuestions(), "不清楚");
        conversation.answered(((NeedMoreInformation) analyse(conversation)).suggestedQuestions(), "没有");

        AnalysisDecision third = analyse(conversation);

        assertThat(third).isInstanceOf(ProposedSolution.class);
        assertThat(third.trace()).containsEntry("rule", "solve: clarification limit reached (2 turns)");
        assertThat(((ProposedSolution) third).answer()).contains("仍缺少");
    }

    @Test
    void with_the_vendor_and_concrete_symptoms_known_it_solves_without_asking() {
        AnalysisDecision decision = analyse(asking("Cisco ASR1001-X BGP neighbor 10.0.0.2 stuck in Active, log shows %BGP-3-NOTIFICATION"));

        assertThat(decision).isInstanceOf(ProposedSolution.class);
        assertThat(decision.trace()).containsEntry("rule", "solve: vendor known and symptoms concrete");
    }

    @Test
    void an_answer_with_substance_ends_the_clarification() {
        Conversations conversation = asking("OSPF邻居状态卡在ExStart");
        NeedMoreInformation clarification = (NeedMoreInformation) analyse(conversation);
        conversation.answered(clarification.suggestedQuestions(), "华为");

        AnalysisDecision decision = analyse(conversation);

        assertThat(decision).isInstanceOf(ProposedSolution.class);
        assertThat(decision.vendor()).isEqualTo("Huawei");
        assertThat(((ProposedSolution) decision).commands()).first().asString().startsWith("display");
    }

    @Test
    void an_answer_that_says_nothing_gets_the_next_questions() {
        Conversations conversation = asking("网络有问题");
        conversation.answered(((NeedMoreInformation) analyse(conversation)).suggestedQuestions(), "不知道");

        assertThat(analyse(conversation)).isInstanceOf(NeedMoreInformation.class);
    }

    @Test
    void an_ospf_exstart_case_points_at_mtu_mismatch_and_duplicate_router_id() {
        ProposedSolution solution = (ProposedSolution) analyse(asking("华为NE40E OSPF邻居卡在ExStart，display ospf peer 一直不变"));

        assertThat(solution.answer()).contains("MTU").contains("Router ID").contains("mtu-enable");
        assertThat(solution.trace().get("findings")).asList().startsWith("ospf-mtu-mismatch", "ospf-duplicate-router-id");
        assertThat(solution.commands()).contains("display ospf peer brief", "display interface <interface>", "display ospf brief");
    }

    @Test
    void a_bgp_session_dropping_every_three_minutes_points_at_the_hold_timer() {
        ProposedSolution solution = (ProposedSolution) analyse(asking("Cisco ISR4451 BGP session flaps every 3 minutes, hold timer expired in the log"));

        assertThat(solution.trace().get("findings")).asList().first().isEqualTo("bgp-hold-timer-expiry");
        assertThat(solution.answer()).contains("180").contains("Hold Timer Expired").contains("MTU");
        assertThat(solution.commands()).contains("show ip bgp summary", "ping <peer-ip> source <local-ip> size 1500 df-bit");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "华为NE40E OSPF邻居卡在ExStart | Huawei | display ospf peer brief",
            "新华三S6520 OSPF邻居卡在ExStart | H3C | display ospf peer brief",
            "Cisco ISR4331 OSPF neighbor stuck in EXSTART | Cisco | show ip ospf neighbor",
            "Juniper MX204 OSPF neighbor stuck in ExStart | Juniper | show ospf neighbor",
            "中兴ZXR10 M6000 OSPF邻居卡在ExStart | ZTE | show ip ospf neighbor",
            "锐捷RG-S5750 OSPF邻居卡在ExStart | Ruijie | show ip ospf neighbor"})
    void the_commands_are_in_the_vendors_own_syntax(String question, String vendor, String firstCommand) {
        ProposedSolution solution = (ProposedSolution) analyse(asking(question), HUAWEI_OSPF_MANUAL, CISCO_OSPF_NOTE);

        assertThat(solution.vendor()).isEqualTo(vendor);
        assertThat(solution.commands()).first().isEqualTo(firstCommand);
        assertThat(solution.commands()).allMatch(c -> CommandSyntax.matchesVendor(c, vendor), "in " + vendor + " syntax");
    }

    @Test
    void h3c_gets_the_comware_spelling_where_it_differs_from_huawei() {
        ProposedSolution solution = (ProposedSolution) analyse(asking("华三CR16000 BGP邻居 10.1.1.2 一直是Idle"));

        assertThat(solution.commands()).contains("display bgp peer ipv4", "display bgp peer ipv4 10.1.1.2 verbose");
    }

    @Test
    void with_the_vendor_unknown_each_step_comes_in_display_and_show_spelling() {
        Conversations conversation = asking("OSPF邻居状态卡在ExStart");
        conversation.answered(((NeedMoreInformation) analyse(conversation)).suggestedQuestions(), "两端MTU是1500和9000，已经检查过认证");

        ProposedSolution solution = (ProposedSolution) analyse(conversation);

        assertThat(solution.vendor()).isNull();
        assertThat(solution.commands()).startsWith("display ospf peer brief", "show ip ospf neighbor");
        assertThat(solution.commands()).allMatch(c -> c.startsWith("display") || c.startsWith("show"));
        assertThat(solution.answer()).contains("display").contains("show");
        assertThat(solution.trace().get("commandDialect")).asString().contains("vendor unknown");
    }

    @Test
    void the_interface_and_peer_the_engineer_mentions_fill_the_commands() {
        ProposedSolution solution = (ProposedSolution) analyse(asking("Cisco ASR BGP neighbor 10.0.0.2 stuck in Active on Gi0/0/1"));

        assertThat(solution.commands()).contains("show ip bgp neighbors 10.0.0.2", "ping 10.0.0.2 source <local-ip>");
        assertThat(solution.commands()).noneMatch(c -> c.contains("{peer}") || c.contains("{if}"));
    }

    @Test
    void it_cites_the_relevant_passages_and_leaves_the_unrelated_out() {
        ProposedSolution solution = (ProposedSolution) analyse(asking("华为NE40E OSPF邻居卡在ExStart"),
                HUAWEI_OSPF_MANUAL, CISCO_OSPF_NOTE, DHCP_GUIDE);

        assertThat(solution.sources()).extracting(AnalysisDecision.Source::chunkId).containsExactly("ospf-exstart", "ios-exstart");
        assertThat(solution.sources().get(0).fileName()).isEqualTo("OSPF故障处理.pdf");
        assertThat(solution.sources().get(0).location()).isEqualTo("第12页");
        assertThat(solution.sources().get(0).score()).isEqualTo(0.81);
        assertThat(solution.answer()).contains("OSPF故障处理.pdf");
    }

    @Test
    void it_pulls_commands_in_the_vendors_syntax_out_of_the_cited_passages() {
        ProposedSolution huawei = (ProposedSolution) analyse(asking("华为NE40E OSPF邻居卡在ExStart"), HUAWEI_OSPF_MANUAL, CISCO_OSPF_NOTE);
        ProposedSolution cisco = (ProposedSolution) analyse(asking("Cisco ISR4331 OSPF neighbor stuck in EXSTART"), HUAWEI_OSPF_MANUAL, CISCO_OSPF_NOTE);

        assertThat(huawei.commands()).contains("display ospf interface GigabitEthernet0/0/1 verbose").endsWith("reset ospf 1 process");
        assertThat(huawei.trace().get("commandsFromEvidence")).asList().contains("reset ospf 1 process");
        assertThat(huawei.commands()).noneMatch(c -> c.startsWith("show") || c.startsWith("debug"));
        assertThat(cisco.commands()).contains("show ip ospf interface GigabitEthernet0/1", "debug ip ospf adj");
        assertThat(cisco.commands()).noneMatch(c -> c.startsWith("display") || c.startsWith("reset"));
    }

    @Test
    void a_passage_about_another_category_is_not_cited_even_when_it_shares_words_with_the_case() {
        ProposedSolution solution = (ProposedSolution) analyse(asking("华为NE40E BGP 邻居一直处于 Idle 状态，display bgp peer 看到邻居状态不变"),
                HUAWEI_OSPF_MANUAL);

        assertThat(solution.sources()).isEmpty();
        assertThat(solution.commands()).noneMatch(c -> c.contains("ospf"));
        assertThat(solution.trace().get("evidence")).asString().contains("about OSPF, not BGP");
    }

    @Test
    void the_question_that_pins_down_the_cause_pointed_at_comes_before_the_general_ones() {
        NeedMoreInformation clarification = (NeedMoreInformation) analyse(asking("GRE隧道每隔几分钟就down一次"));

        assertThat(clarification.suggestedQuestions()).anyMatch(q -> q.contains("隧道两端的源/目的地址"));
        assertThat(clarification.suggestedQuestions()).noneMatch(q -> q.contains("IKE（第一阶段）"));
    }

    @Test
    void without_evidence_there_are_no_sources() {
        ProposedSolution solution = (ProposedSolution) analyst.analyse(asking("华为NE40E OSPF邻居卡在ExStart").build(), List.of());
        ProposedSolution withNull = (ProposedSolution) analyst.analyse(asking("华为NE40E OSPF邻居卡在ExStart").build(), null);

        assertThat(solution.sources()).isEmpty();
        assertThat(withNull.sources()).isEmpty();
        assertThat(solution.answer()).contains("没有检索到");
    }

    @Test
    void a_cause_the_engineer_already_checked_comes_after_the_others() {
        ProposedSolution solution = (ProposedSolution) analyse(asking("华为NE40E OSPF邻居卡在ExStart，两端MTU已经确认一致"));

        assertThat(solution.trace().get("findings")).asList().last().isEqualTo("ospf-mtu-mismatch");
        assertThat(solution.trace().get("findingsRuledOutByEngineer")).asList().containsExactly("ospf-mtu-mismatch");
    }

    @Test
    void the_trace_tells_an_auditor_how_the_step_was_decided() throws Exception {
        ProposedSolution solution = (ProposedSolution) analyse(asking("华为NE40E OSPF邻居卡在ExStart"), HUAWEI_OSPF_MANUAL, DHCP_GUIDE);
        Map<String, Object> trace = solution.trace();

        assertThat(trace).containsEntry("analyst", "offline").containsEntry("version", "offline-rules-2")
                .containsEntry("category", "OSPF").containsEntry("vendor", "Huawei").containsEntry("decision", "solve")
                .containsKeys("categoryScores", "vendorScores", "facts", "evidence", "evidenceUsed", "rule", "findings");
        assertThat(trace.get("categoryScores")).asString().contains("ExStart");
        assertThat(trace.get("evidenceUsed")).isEqualTo(List.of(Map.of("chunkId", "ospf-exstart", "score", 0.81)));
        assertThat(trace.get("evidence")).asList().hasSize(2);
        assertThat(new ObjectMapper().writeValueAsString(trace)).contains("\"rule\":\"solve: vendor known and symptoms concrete\"");
    }

    @Test
    void a_clarification_trace_says_what_was_missing() {
        NeedMoreInformation clarification = (NeedMoreInformation) analyse(asking("OSPF邻居状态卡在ExStart"));

        assertThat(clarification.trace()).containsEntry("decision", "clarify").containsEntry("analyst", "offline");
        assertThat(clarification.trace().get("rule")).asString().startsWith("clarify: missing vendor and model");
        assertThat(clarification.trace().get("questions")).isEqualTo(clarification.suggestedQuestions());
    }

    @Test
    void the_same_case_always_gets_the_same_answer() {
        Conversations conversation = asking("华为NE40E OSPF邻居卡在ExStart");

        assertThat(analyse(conversation, HUAWEI_OSPF_MANUAL, CISCO_OSPF_NOTE))
                .isEqualTo(analyse(conversation, HUAWEI_OSPF_MANUAL, CISCO_OSPF_NOTE));
    }

    @Test
    void a_missing_conversation_is_a_programming_error() {
        assertThatNullPointerException().isThrownBy(() -> analyst.analyse(null, List.of()));
    }
}
