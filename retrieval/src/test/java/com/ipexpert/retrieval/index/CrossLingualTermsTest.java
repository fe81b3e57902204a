package com.ipexpert.retrieval.index;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CrossLingualTermsTest {

    @Test
    void a_chinese_question_gets_the_english_words_of_its_terms_each_once() {
        assertThat(CrossLingualTerms.english("如何修改 BGP 邻居的定时器？邻居状态一直是 Idle"))
                .contains("neighbor", "timer", "set change", "state status")
                .containsOnlyOnce("neighbor");
    }

    @Test
    void the_longest_term_is_read_first_and_its_parts_are_not_read_again() {
        // 路由器 is "router", not also 路由's "route routing"; 默认值 is "default value", not also 默认's "default"
        assertThat(CrossLingualTerms.english("路由器的默认值").split(" ")).containsExactlyInAnyOrder("router", "default", "value");
        assertThat(CrossLingualTerms.english("路由表和路由").split(" "))
                .containsExactlyInAnyOrder("routing", "table", "route", "routing");
    }

    @Test
    void an_english_question_or_one_without_known_terms_gets_nothing() {
        assertThat(CrossLingualTerms.english("How do I change the OSPF hello interval?")).isEmpty();
        assertThat(CrossLingualTerms.english("今天天气很好")).isEmpty();
    }
}
