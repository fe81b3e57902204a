package com.ipexpert.analyst;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

/** What the engineer wrote, apart from the agent's questions an answer quotes. */
class CaseConversationTest {

    private static final String VENDOR_QUESTION = "Which vendor and model (e.g. Huawei NE40E, Cisco ASR)?";

    private static CaseConversation answered(List<String> asked, String answer) {
        return new CaseConversation("BGP session to 10.0.0.2 stays in Active", List.of(new CaseConversation.Turn("analysis", asked, answer)));
    }

    @Test
    void a_question_quoted_in_an_answer_and_its_examples_are_not_the_engineers_words() {
        CaseConversation c = answered(List.of(VENDOR_QUESTION, "When did it start?"), VENDOR_QUESTION + " — FRRouting 8.4");

        assertThat(c.engineerAnswers()).containsExactly("— FRRouting 8.4");
        assertThat(c.engineerText()).contains("FRRouting 8.4").doesNotContain("Huawei").doesNotContain("Cisco").doesNotContain("NE40E");
    }

    @Test
    void a_quoted_question_is_found_though_its_whitespace_or_question_mark_changed() {
        CaseConversation c = answered(List.of(VENDOR_QUESTION), "Which vendor and model\n(e.g.  Huawei NE40E, Cisco ASR)：Juniper MX204");

        assertThat(c.engineerAnswers()).containsExactly("Juniper MX204");
    }

    @Test
    void examples_copied_without_their_question_are_taken_out_too() {
        CaseConversation c = answered(List.of(VENDOR_QUESTION), "vendor (e.g. Huawei NE40E, Cisco ASR) -> Arista 7280R3");

        assertThat(c.engineerAnswers()).singleElement().satisfies(a -> assertThat(a).doesNotContain("Huawei", "Cisco").contains("Arista 7280R3"));
    }

    @Test
    void questions_of_earlier_turns_quoted_later_are_taken_out_and_the_engineers_own_asides_stay() {
        CaseConversation c = new CaseConversation("OSPF 邻居卡在 ExStart", List.of(
                new CaseConversation.Turn("a1", List.of("设备是哪个厂商（例如 华为 NE40E、思科 ASR）？"), "不清楚"),
                new CaseConversation.Turn("a2", List.of("故障从什么时候开始？"),
                        "补充上一个问题 设备是哪个厂商（例如 华为 NE40E、思科 ASR）？ 锐捷 RSR20（机房 3 号柜的那台）")));

        assertThat(c.engineerAnswers()).containsExactly("不清楚", "补充上一个问题\n锐捷 RSR20（机房 3 号柜的那台）");
    }

    @Test
    void answers_without_quotes_and_turns_without_answers_stay_as_they_are() {
        CaseConversation c = new CaseConversation("q", Arrays.asList(
                new CaseConversation.Turn("solution", List.of(), null),
                new CaseConversation.Turn("a", List.of(VENDOR_QUESTION), "Cisco ASR1001-X, IOS-XE 17.3")));

        assertThat(c.engineerAnswers()).containsExactly(null, "Cisco ASR1001-X, IOS-XE 17.3");
    }
}
