package com.ipexpert.analyst.llm;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class DraftReaderTest {

    /** What a watcher sees: the draft text per field, kept by the offset rule. */
    private static final class Watcher {
        final StringBuilder draft = new StringBuilder();
        final List<String> fields = new ArrayList<>();

        void write(String field, int offset, String text) {
            if (fields.isEmpty() || !fields.get(fields.size() - 1).equals(field)) fields.add(field);
            draft.setLength(Math.min(offset, draft.length()));
            draft.append(text);
        }
    }

    private static Watcher read(String reply, int... cuts) {
        Watcher watcher = new Watcher();
        DraftReader reader = new DraftReader(watcher::write);
        int from = 0;
        for (int cut : cuts) {
            reader.feed(reply.substring(from, cut));
            from = cut;
        }
        reader.feed(reply.substring(from));
        return watcher;
    }

    @Test
    void the_answer_of_a_solution_is_passed_on_decoded() {
        Watcher w = read("{\"decision\":\"solution\",\"answer\":\"line one\\nsays \\\"hi\\\" \\u4f60\\u597d\",\"commands\":[]}", 5, 30, 40);

        assertThat(w.draft.toString()).isEqualTo("line one\nsays \"hi\" 你好");
        assertThat(w.fields).containsExactly("answer");
    }

    @Test
    void an_escape_cut_between_two_pieces_is_decoded_once_whole() {
        String reply = "{\"answer\":\"a\\u4f60b\\\\c\\\"d\"}";
        for (int cut = 1; cut < reply.length(); cut++) {
            assertThat(read(reply, cut).draft.toString()).as("cut at " + cut).isEqualTo("a你b\\c\"d");
        }
    }

    @Test
    void any_way_of_cutting_the_reply_gives_the_same_draft() {
        String reply = "Sure.\n```json\n{\"decision\": \"solution\", \"category\": \"BGP\", \"vendor\": null,\n"
                + " \"answer\": \"BGP 会话每 3 分钟中断：hold time 180 s 到期 😀, keepalive 未到达。\",\n"
                + " \"citations\": [\"bgp#1\"], \"commands\": [\"display bgp peer\"]}\n```";
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            int a = 1 + random.nextInt(reply.length() - 2);
            int b = a + random.nextInt(reply.length() - a);
            assertThat(read(reply, a, b).draft.toString()).isEqualTo("BGP 会话每 3 分钟中断：hold time 180 s 到期 😀, keepalive 未到达。");
        }
    }

    @Test
    void a_key_of_the_same_name_inside_a_nested_value_is_not_taken() {
        Watcher w = read("{\"decision\":\"solution\",\"meta\":{\"answer\":\"nested\"},\"notes\":[\"answer\",\"x\"],"
                + "\"summary\":\"the answer: is here\",\"answer\":\"top level\"}");

        assertThat(w.draft.toString()).isEqualTo("top level");
    }

    @Test
    void a_string_value_that_reads_like_a_key_is_not_taken() {
        Watcher w = read("{\"decision\":\"answer\",\"x\":\"analysis\",\"analysis\":\"real\"}");

        assertThat(w.draft.toString()).isEqualTo("real");
        assertThat(w.fields).containsExactly("analysis");
    }

    @Test
    void a_thinking_block_before_the_decision_is_skipped_even_when_it_holds_braces() {
        Watcher w = read("<think>maybe {\"answer\": \"not this\"} or not</think>\n{\"decision\":\"clarify\",\"analysis\":\"this\"}", 3, 12, 50);

        assertThat(w.draft.toString()).isEqualTo("this");
    }

    @Test
    void nothing_is_passed_on_after_the_decision_closes() {
        Watcher w = read("{\"answer\":\"one\"} and then {\"answer\":\"two\"}");

        assertThat(w.draft.toString()).isEqualTo("one");
    }

    @Test
    void a_reply_that_is_not_json_passes_nothing_on() {
        assertThat(read("I think the MTU is wrong, check it.").draft.toString()).isEmpty();
    }
}
