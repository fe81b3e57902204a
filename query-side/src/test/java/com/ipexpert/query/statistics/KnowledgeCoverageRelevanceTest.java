package com.ipexpert.query.statistics;

import org.junit.jupiter.api.Test;

import java.util.List;

import static com.ipexpert.query.statistics.KnowledgeCoverageSource.answers;
import static org.assertj.core.api.Assertions.assertThat;

/** A passage answers a coverage probe only when it names the topic and shares more than one word with the probe. */
class KnowledgeCoverageRelevanceTest {
    private static final List<String> ISIS = List.of("IS-IS", "ISIS", "isisd");
    private static final List<String> ADJACENCY_PROBE = List.of("adjacency", "Initializing", "hello");
    private static final String OSPF_PASSAGE = "When an OSPF neighbor stays in Init or 2-Way, check the hello and dead intervals; "
            + "a mismatch keeps the adjacency from forming.";

    @Test
    void an_ospf_passage_that_mentions_hello_does_not_answer_an_is_is_probe() {
        assertThat(answers(OSPF_PASSAGE, ISIS, ADJACENCY_PROBE)).isFalse();
    }

    @Test
    void a_passage_naming_the_topic_and_a_term_of_the_probe_answers_it() {
        assertThat(answers("IS-IS adjacency stays in Initializing when hello padding is dropped.", ISIS, ADJACENCY_PROBE)).isTrue();
        assertThat(answers(OSPF_PASSAGE, List.of("OSPF"), List.of("Init", "2-Way", "hello"))).isTrue();
    }

    @Test
    void naming_the_topic_alone_or_a_term_inside_another_word_is_not_enough() {
        assertThat(answers("IS-IS is a link-state protocol.", ISIS, ADJACENCY_PROBE)).isFalse();
        assertThat(answers("OSPF Initializing routine", List.of("OSPF"), List.of("Init"))).isFalse();
        assertThat(answers("IS-IS hellos are padded to the MTU.", ISIS, ADJACENCY_PROBE)).as("a plural is the same word").isTrue();
        assertThat(answers("检查OSPF邻居的MTU", List.of("OSPF"), List.of("ExStart", "MTU"))).isTrue();
    }

    @Test
    void the_section_path_names_the_topic_too() {
        assertThat(answers("OSPFv2 > Interfaces\nSet the hello interval on the interface.", List.of("OSPF", "OSPFv2"),
                List.of("Init", "2-Way", "hello"))).isTrue();
    }
}
