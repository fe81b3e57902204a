package com.ipexpert.edge.audit;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Seals are HMAC-SHA256 of a fixed text under the chain key, the same on every thread and at every call. */
class ChainKeyTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private static String hmac(String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void an_event_seal_is_the_hmac_of_its_place_link_and_provenance() throws Exception {
        ChainKey key = new ChainKey(KEY);
        assertThat(key.sealEvent("case-1", 3, "link", "alice", "trace"))
                .isEqualTo(hmac("event\ncase-1\n3\nlink\nalice\ntrace"));
        // the second seal on the same thread starts from a fresh MAC, not from the first one's state
        assertThat(key.sealCheckpoint("case-1", 3, "link")).isEqualTo(hmac("checkpoint\ncase-1\n3\nlink"));
        assertThat(key.sealCheckpoint("case-1", 3, "link")).isEqualTo(hmac("checkpoint\ncase-1\n3\nlink"));
    }

    @Test
    void threads_sealing_at_once_get_the_seals_one_thread_would() throws Exception {
        ChainKey key = new ChainKey(KEY);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> sealers = IntStream.range(0, 8).<Callable<Boolean>>mapToObj(t -> () -> {
                for (int i = 0; i < 2_000; i++) {
                    if (!key.sealEvent("node-" + t, i, "l" + i, null, null).equals(hmac("event\nnode-" + t + "\n" + i + "\nl" + i + "\nnull\nnull"))) return false;
                }
                return true;
            }).toList();
            for (Future<Boolean> done : pool.invokeAll(sealers)) assertThat(done.get()).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_short_key_is_refused() {
        assertThatThrownBy(() -> new ChainKey(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }
}
