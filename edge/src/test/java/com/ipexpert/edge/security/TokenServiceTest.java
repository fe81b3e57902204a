package com.ipexpert.edge.security;

import com.ipexpert.edge.SettableClock;
import io.jsonwebtoken.security.Keys;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A verified token is remembered, but never past its expiry, and a changed token is never taken for it. */
class TokenServiceTest {
    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-03T08:00:00Z"));
    private final TokenService tokens = new TokenService(
            Keys.hmacShaKeyFor("test-secret-test-secret-test-secret-0123456789".getBytes(StandardCharsets.UTF_8)),
            Duration.ofHours(8), clock);
    private final AuthenticatedUser alice = new AuthenticatedUser("u-1", "alice", "alice@example.com", List.of("user"));

    @Test
    void a_remembered_token_is_refused_once_it_expires() {
        String token = tokens.issue(alice);
        assertThat(tokens.verify(token)).contains(alice);
        assertThat(tokens.verify(token)).contains(alice); // the remembered answer

        clock.advance(Duration.ofHours(8));
        assertThat(tokens.verify(token)).as("at its expiry instant, as jjwt judges it").contains(alice);
        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.verify(token)).isEmpty();
        assertThat(tokens.verify(token)).isEmpty();
    }

    @Test
    void a_token_changed_by_one_character_is_refused_after_the_original_was_remembered() {
        String token = tokens.issue(alice);
        assertThat(tokens.verify(token)).isPresent();
        int last = token.length() - 2;
        String forged = token.substring(0, last) + (token.charAt(last) == 'A' ? 'B' : 'A') + token.substring(last + 1);
        assertThat(tokens.verify(forged)).isEmpty();
        assertThat(tokens.verify("")).isEmpty();
        assertThat(tokens.verify(null)).isEmpty();
    }
}
