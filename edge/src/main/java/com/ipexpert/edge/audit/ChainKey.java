package com.ipexpert.edge.audit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * The key of the audit chain's seals (HMAC-SHA256), kept outside the database: a configured secret
 * ({@code ipexpert.audit.chain-key}) or a key file generated once in the data directory ({@code chain.key}, 0600).
 * Whoever can rewrite the event table but does not hold this key cannot make a rewritten event, or a moved head,
 * verify.
 */
public final class ChainKey {
    /** One keyed MAC per thread: looking up the algorithm and keying it again for every event cost more than the MAC. */
    private final ThreadLocal<Mac> macs;

    public ChainKey(byte[] key) {
        if (key == null || key.length < 32) throw new IllegalArgumentException("the audit chain key must be at least 32 bytes");
        SecretKeySpec spec = new SecretKeySpec(key.clone(), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(spec);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
            }
        });
    }

    /** The seal of one event: its aggregate, place, link (which covers its payload and every earlier one) and who caused it. */
    public String sealEvent(String aggregateId, long sequence, String link, Object actor, Object traceId) {
        return hmac("event\n" + aggregateId + "\n" + sequence + "\n" + link + "\n" + actor + "\n" + traceId);
    }

    /** The seal of an aggregate's head: its last event's place and link, anchored outside the event table. */
    public String sealCheckpoint(String aggregateId, long sequence, String link) {
        return hmac("checkpoint\n" + aggregateId + "\n" + sequence + "\n" + link);
    }

    private String hmac(String text) {
        // doFinal leaves the MAC keyed and reset for the thread's next seal
        return HexFormat.of().formatHex(macs.get().doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }
}
