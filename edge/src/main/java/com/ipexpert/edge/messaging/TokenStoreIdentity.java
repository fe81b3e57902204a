package com.ipexpert.edge.messaging;

import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Optional;

/**
 * Settles the token store's identity row ({@code __config} in {@code token_entry}) before any event processor
 * starts. Two instances starting together on an empty database would otherwise both insert it, and the one that
 * loses the race (duplicate key) failed its whole start; here the loser simply reads what the winner wrote.
 */
@Component
class TokenStoreIdentity implements InitializingBean {
    private static final Logger log = LoggerFactory.getLogger(TokenStoreIdentity.class);
    private static final int ATTEMPTS = 10;
    private final TokenStore tokenStore;
    private final TransactionTemplate transactions;

    TokenStoreIdentity(TokenStore tokenStore, PlatformTransactionManager transactionManager) {
        this.tokenStore = tokenStore;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Override
    public void afterPropertiesSet() throws InterruptedException {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                Optional<String> identity = transactions.execute(status -> tokenStore.retrieveStorageIdentifier());
                log.debug("Token store identity {}", identity.orElse("(none)"));
                return;
            } catch (RuntimeException e) {
                last = e; // another instance inserted it first: the next attempt reads it
                Thread.sleep(100L * attempt);
            }
        }
        throw last;
    }
}
