package com.ipexpert.command.accounts;

import com.ipexpert.api.identity.Requester;
import com.ipexpert.edge.security.SecuritySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * A fresh install gets one administrator; its password comes from configuration or is generated and logged once.
 * It is created while the application starts, before the web server takes its first request, so a client that
 * finds the health endpoint up can log in.
 */
@Component
class AdminBootstrap implements SmartInitializingSingleton {
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private final UserAccounts accounts;
    private final PasswordEncoder passwords;
    private final SecuritySettings settings;
    private final Clock clock;

    AdminBootstrap(UserAccounts accounts, PasswordEncoder passwords, SecuritySettings settings, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        ensureAdministrator();
    }

    void ensureAdministrator() {
        if (accounts.anyWithRole(Requester.ADMIN)) return;
        String password = settings.adminPassword();
        boolean generated = password == null || password.isBlank();
        if (generated) password = randomPassword();
        accounts.add(new UserAccounts.Account(UUID.randomUUID().toString(), settings.adminUsername(),
                settings.adminEmail(), passwords.encode(password), List.of(Requester.ADMIN), clock.instant()));
        if (generated) {
            log.warn("Created administrator '{}' with generated password: {}  (set IPEXPERT_ADMIN_PASSWORD to choose one)",
                    settings.adminUsername(), password);
        } else {
            log.info("Created administrator '{}' with the configured password", settings.adminUsername());
        }
    }

    private static String randomPassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 20; i++) out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        return out.toString();
    }
}
