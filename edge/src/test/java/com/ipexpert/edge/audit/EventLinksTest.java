package com.ipexpert.edge.audit;

import com.ipexpert.edge.messaging.AxonMessaging;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The links of stored events are verified forever: the link of a payload must never change, whoever computes it.
 * The expected values were computed by the first implementation of {@link EventLinks}, before it was made faster.
 */
class EventLinksTest {

    /** A payload with what makes canonical JSON hard: unsorted and escaped keys, unicode, control characters, numbers. */
    static Map<String, Object> awkward() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("z", List.of(1, 2.5, -0.0, 1e21, 12345678901234L));
        nested.put("a", Map.of("ключ", "值"));
        nested.put("empty", Map.of());
        nested.put("none", new ArrayList<>());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("query", "OSPF邻居状态卡在ExStart \"MTU\" \\ mismatch\n\ttab \u0001 ☃ 😀");
        payload.put("b", true);
        payload.put("a", null);
        payload.put("Z upper", "sorts before lower case");
        payload.put("key \"quoted\"\n", "value");
        payload.put("score", 0.1f);
        payload.put("exact", new BigDecimal("1.50"));
        payload.put("notANumber", Double.NaN);
        payload.put("at", Instant.parse("2026-12-03T10:15:30.123456Z"));
        payload.put("nested", nested);
        payload.put("list", List.of(Map.of("y", 1, "x", 2), List.of(), "s"));
        return payload;
    }

    record Opened(String caseId, String title, Instant openedAt, Map<String, Object> content, List<String> tags) {
    }

    static Opened opened() {
        return new Opened("case-1", "BGP session flaps every 3 minutes", Instant.parse("2026-12-03T10:15:30Z"),
                awkward(), List.of("bgp", "华为"));
    }

    @Test
    void the_link_of_a_payload_is_what_it_always_was() {
        assertThat(EventLinks.next(null, awkward()))
                .isEqualTo("da396bdbba1520f0df29bee64fc7ccc6b02893b94817f71f4d628732916778a7");
        assertThat(EventLinks.next("previous-link", opened()))
                .isEqualTo("5dbf49707d8a9a3e2aa9f82506d5f0fb8cf2ad2683bce96fed1f7c3ec7f2d763");
    }

    @Test
    void a_link_from_stored_bytes_is_the_link_of_the_payload() throws Exception {
        Opened event = opened();
        byte[] stored = AxonMessaging.axonObjectMapper().writeValueAsBytes(event);
        assertThat(EventLinks.ofStored("previous-link", Opened.class.getName(), stored))
                .isEqualTo(EventLinks.next("previous-link", event));
        // the same JSON with its keys in another order and spaces between them: the same link
        String reordered = "{ \"tags\" : [\"bgp\",\"华为\"], \"caseId\":\"case-1\",\"title\":\"BGP session flaps every 3 minutes\","
                + "\"openedAt\":\"2026-12-03T10:15:30Z\",\"content\":"
                + new String(AxonMessaging.axonObjectMapper().writeValueAsBytes(awkward()), StandardCharsets.UTF_8) + "}";
        assertThat(EventLinks.ofStored("previous-link", Opened.class.getName(), reordered.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(EventLinks.next("previous-link", event));
    }

    @Test
    void unreadable_stored_bytes_match_no_link() {
        assertThat(EventLinks.ofStored(null, Opened.class.getName(), "{\"caseId\":".getBytes(StandardCharsets.UTF_8)))
                .startsWith("unreadable:");
    }
}
