package com.ipexpert.edge.security;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

/**
 * Tokens logged out before they expired, in table {@code revoked_token} of the database every instance shares, so a
 * revoked token is refused by all of them at once. A row is kept until the token would have expired anyway.
 */
public class RevokedTokens {
    private final JdbcClient jdbc;
    private final Clock clock;

    public RevokedTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void revoke(String tokenId, Instant expiresAt) {
        if (tokenId == null) return;
        Instant now = clock.instant();
        jdbc.sql("delete from revoked_token where expires_at < ?").param(Timestamp.from(now)).update();
        if (isRevoked(tokenId)) return;
        try {
            jdbc.sql("insert into revoked_token (token_id, expires_at, revoked_at) values (?, ?, ?)")
                    .params(tokenId, Timestamp.from(expiresAt), Timestamp.from(now)).update();
        } catch (org.springframework.dao.DuplicateKeyException alreadyRevoked) {
            // logged out twice at once: revoked either way
        }
    }

    public boolean isRevoked(String tokenId) {
        if (tokenId == null) return false;
        return jdbc.sql("select count(*) from revoked_token where token_id = ?").param(tokenId)
                .query(Long.class).single() > 0;
    }
}
