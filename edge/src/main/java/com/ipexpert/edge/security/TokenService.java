package com.ipexpert.edge.security;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.SecretKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
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

    /** The configured secret, or one generated once and kept in {@code keyFile} so tokens survive restarts. */
    public static SecretKey resolveKey(String configured, Path keyFile) {
        if (configured != null && !configured.isBlank()) {
            byte[] bytes = configured.getBytes(StandardCharsets.UTF_8);
            if (bytes.length < 32) {
                throw new IllegalStateException("ipexpert.security.jwt-secret must be at least 32 bytes long");
            }
            return Keys.hmacShaKeyFor(bytes);
        }
        try {
            if (Files.exists(keyFile)) {
                return Keys.hmacShaKeyFor(Base64.getDecoder().decode(Files.readString(keyFile).trim()));
            }
            byte[] bytes = new byte[48];
            new SecureRandom().nextBytes(bytes);
            Files.createDirectories(keyFile.toAbsolutePath().getParent());
            Files.writeString(keyFile, Base64.getEncoder().encodeToString(bytes));
            log.info("Generated a token signing key in {}", keyFile.toAbsolutePath());
            return Keys.hmacShaKeyFor(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the token key file " + keyFile, e);
        }
    }

    public Duration ttl() {
        return ttl;
    }

    public String issue(AuthenticatedUser user) {
        Date now = Date.from(clock.instant());
        return Jwts.builder()
                .subject(user.id())
                .claim("username", user.username())
                .claim("email", user.email())
                .claim("roles", user.roles())
                .issuedAt(now)
                .expiration(Date.from(clock.instant().plus(ttl)))
                .signWith(key)
                .compact();
    }

    public Optional<AuthenticatedUser> verify(String token) {
        try {
            Claims claims = Jwts.parser().verifyWith(key).clock(() -> Date.from(clock.instant())).build()
                    .parseSignedClaims(token).getPayload();
            @SuppressWarnings("unchecked")
            List<String> roles = claims.get("roles", List.class);
            return Optional.of(new AuthenticatedUser(claims.getSubject(), claims.get("username", String.class),
                    claims.get("email", String.class), roles));
        } catch (JwtException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
