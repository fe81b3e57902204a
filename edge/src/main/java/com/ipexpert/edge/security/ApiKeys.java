package com.ipexpert.edge.security;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * API keys for machine clients (monitoring systems that open cases on alarms), in table {@code api_key}. A key is
 * {@code ipx_} and 32 random bytes; only its SHA-256 is stored, so it is shown once, when created. A request
 * authenticated by a key acts as {@code apikey:<id>}: that is the actor of every event it causes.
 */
public class ApiKeys {
    public static final String ACTOR_PREFIX = "apikey:";
    private static final String KEY_PREFIX = "ipx_";
    /** Last use is written at most this often per key, not on every request. */
    private static final Duration LAST_USE_RESOLUTION = Duration.ofSeconds(30);
    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ApiKeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record ApiKey(String id, String name, String prefix, List<String> roles, String createdBy, Instant createdAt,
                         Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {
        public AuthenticatedUser user() {
            return new AuthenticatedUser(ACTOR_PREFIX + id, name, null, roles);
        }
    }

    /** A key just made: its record and the key itself, which is never shown again. */
    public record Created(ApiKey key, String secret) {
    }

    public Created create(String name, List<String> roles, Instant expiresAt, String createdBy) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        String prefix = secret.substring(0, 10);
        jdbc.sql("insert into api_key (id, name, key_prefix, key_hash, roles, created_by, created_at, expires_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, name, prefix, hash(secret), String.join(",", roles), createdBy, Timestamp.from(now),
                        Timestamp.from(expiresAt))
                .update();
        return new Created(new ApiKey(id, name, prefix, List.copyOf(roles), createdBy, now, expiresAt, null, null), secret);
    }

    /** The key's holder, when the key is known, not revoked and not expired; records its use. */
    public Optional<ApiKey> authenticate(String secret) {
        if (secret == null || !secret.startsWith(KEY_PREFIX) || secret.length() > 100) return Optional.empty();
        Instant now = clock.instant();
        Optional<ApiKey> key = jdbc.sql(SELECT + " where key_hash = ?").param(hash(secret)).query(ApiKeys::row).optional()
                .filter(k -> k.revokedAt() == null && k.expiresAt().isAfter(now));
        key.ifPresent(k -> {
            if (k.lastUsedAt() == null || k.lastUsedAt().plus(LAST_USE_RESOLUTION).isBefore(now)) {
                jdbc.sql("update api_key set last_used_at = ? where id = ?").params(Timestamp.from(now), k.id()).update();
            }
        });
        return key;
    }

    public List<ApiKey> all() {
        return jdbc.sql(SELECT + " order by created_at, name").query(ApiKeys::row).list();
    }

    /** Revokes the key at once; false when there is no such key. */
    public boolean revoke(String id) {
        Optional<ApiKey> key = jdbc.sql(SELECT + " where id = ?").param(id).query(ApiKeys::row).optional();
        if (key.isEmpty()) return false;
        if (key.get().revokedAt() == null) {
            jdbc.sql("update api_key set revoked_at = ? where id = ? and revoked_at is null")
                    .params(Timestamp.from(clock.instant()), id).update();
        }
        return true;
    }

    private static final String SELECT = "select id, name, key_prefix, roles, created_by, created_at, expires_at, last_used_at, revoked_at from api_key";

    private static ApiKey row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new ApiKey(rs.getString(1), rs.getString(2), rs.getString(3), Arrays.asList(rs.getString(4).split(",")),
                rs.getString(5), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8)),
                instant(rs.getTimestamp(9)));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
