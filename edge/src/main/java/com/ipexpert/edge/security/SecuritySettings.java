package com.ipexpert.edge.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Authentication settings under {@code ipexpert.security}.
 *
 * @param jwtSecret      HMAC key for tokens, at least 32 bytes; when empty the key is generated once and kept in the data directory
 * @param tokenTtl       how long a token is valid
 * @param adminUsername  the administrator a fresh install creates
 * @param adminPassword  that administrator's password; when empty a random one is generated and logged once
 * @param adminEmail     that administrator's e-mail
 */
@ConfigurationProperties("ipexpert.security")
public record SecuritySettings(String jwtSecret, @DefaultValue("8h") Duration tokenTtl,
                               @DefaultValue("admin") String adminUsername, String adminPassword,
                               @DefaultValue("admin@ipexpert.local") String adminEmail) {
}
