package com.ipexpert.edge.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.List;
import java.util.Optional;

/**
 * Issues and verifies the signed bearer tokens (HMAC-SHA, jjwt). A token that verified is remembered (the exact
 * string, at most {@value #REMEMBERED} of them) until it expires, so a client's next requests skip parsing it and
 * computing its signature again; whether it was revoked is not remembered here ({@link RevokedTokens}).
 */
public class TokenService {
    private static final Logger log = LoggerFactory.getLogger(TokenService.class);
    static final int REMEMBERED = 10_000;
    private final SecretKey key;
    private final Duration ttl;
    private final Clock clock;
    private final Cache<String, Verified> verified = Caffeine.newBuilder().maximumSize(REMEMBERED).build();

    public TokenService(SecretKey key, Duration ttl, Clock clock) {
        this.key = key;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** The configured secret, or one generated once and kept in {@code keyFile} (mode 0600) so tokens survive restarts. */
    public static SecretKey resolveKey(String configured, Path keyFile) {
        if (configured != null && !configured.isBlank()) {
            byte[] bytes = configured.getBytes(StandardCharsets.UTF_8);
            if (bytes.length < 32) {
                throw new IllegalStateException("ipexpert.security.jwt-secret must be at least 32 bytes long");
            }
            return Keys.hmacShaKeyFor(bytes);
        }
        boolean existed = Files.exists(keyFile);
        byte[] bytes = SecretFiles.readOrCreate(keyFile, 48);
        if (!existed) log.info("Generated a token signing key in {} (mode 0600)", keyFile.toAbsolutePath());
        return Keys.hmacShaKeyFor(bytes);
    }

    public Duration ttl() {
        return ttl;
    }

    public String issue(AuthenticatedUser user) {
        Date now = Date.from(clock.instant());
        return Jwts.builder()
                .id(UUID.randomUUID().toString())
                .subject(user.id())
                .claim("username", user.username())
                .claim("email", user.email())
                .claim("roles", user.roles())
                .issuedAt(now)
                .expiration(Date.from(clock.instant().plus(ttl)))
                .signWith(key)
                .compact();
    }

    /** A verified token: who it speaks for, its id (for revocation) and when it expires. */
    public record Verified(AuthenticatedUser user, String tokenId, Instant expiresAt) {
    }

    public Optional<AuthenticatedUser> verify(String token) {
        return verifyToken(token).map(Verified::user);
    }

    public Optional<Verified> verifyToken(String token) {
        if (token == null || token.isEmpty()) return Optional.empty();
        Verified known = verified.getIfPresent(token);
        if (known != null) {
            // valid up to its expiry instant, as jjwt judges it
            if (!clock.instant().isAfter(known.expiresAt())) return Optional.of(known);
            verified.invalidate(token);
            return Optional.empty();
        }
        Optional<Verified> parsed = parse(token);
        parsed.ifPresent(v -> verified.put(token, v));
        return parsed;
    }

    private Optional<Verified> parse(String token) {
        try {
            Claims claims = Jwts.parser().verifyWith(key).clock(() -> Date.from(clock.instant())).build()
                    .parseSignedClaims(token).getPayload();
            @SuppressWarnings("unchecked")
            List<String> roles = claims.get("roles", List.class);
            AuthenticatedUser user = new AuthenticatedUser(claims.getSubject(), claims.get("username", String.class),
                    claims.get("email", String.class), roles);
            return Optional.of(new Verified(user, claims.getId(), claims.getExpiration().toInstant()));
        } catch (JwtException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
