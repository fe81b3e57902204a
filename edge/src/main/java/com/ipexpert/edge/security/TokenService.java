package com.ipexpert.edge.security;

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

/** Issues and verifies the signed bearer tokens (HS256, jjwt). */
public class TokenService {
    private static final Logger log = LoggerFactory.getLogger(TokenService.class);
    private final SecretKey key;
    private final Duration ttl;
    private final Clock clock;

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
