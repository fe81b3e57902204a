package com.ipexpert.edge.messaging;

import com.ipexpert.TestDatabase;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import jakarta.persistence.EntityManagerFactory;
import org.axonframework.common.jpa.SimpleEntityManagerProvider;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances sharing one PostgreSQL database create a processor's first tokens at the same moment. The first has
 * created them and not yet committed when the second looks. With the creation lock, the second waits for the commit,
 * finds the tokens and is refused the claim as on any later start; without it, it inserted the same row and met a
 * duplicate key.
 */
class TokenInitializationRaceTest {
    private final DriverManagerDataSource db = new DriverManagerDataSource(
            TestDatabase.create("ipexpert_tokens_" + Long.toHexString(System.nanoTime())), TestDatabase.user(), TestDatabase.password());
    /** Axon's JPA token store on the product's schema, as the application runs it. */
    private final EntityManagerFactory jpa = entityManagerFactory(db);
    private final TransactionTemplate transaction = new TransactionTemplate(new JpaTransactionManager(jpa));

    private static EntityManagerFactory entityManagerFactory(DriverManagerDataSource db) {
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
        LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
        factory.setDataSource(db);
        factory.setPackagesToScan("org.axonframework.eventhandling.tokenstore.jpa");
        factory.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
        // the table and column names Spring Boot gives the entity (token_entry, processor_name, ...), tokens as bytea
        factory.setJpaPropertyMap(java.util.Map.of("hibernate.physical_naming_strategy",
                "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy",
                "hibernate.dialect_resolvers", ByteaLobs.Resolver.class.getName()));
        factory.afterPropertiesSet();
        return factory.getObject();
    }

    @AfterEach
    void close() {
        jpa.close();
    }

    private TokenStore instance(boolean locked) {
        JpaTokenStore store = JpaTokenStore.builder()
                .entityManagerProvider(new SimpleEntityManagerProvider(SharedEntityManagerCreator.createSharedEntityManager(jpa)))
                .serializer(JacksonSerializer.defaultSerializer()).claimTimeout(Duration.ofSeconds(10)).build();
        return locked
                ? new QuietTokenStore(store, new ProcessorPositions(), Duration.ofSeconds(2), Clock.systemUTC(), TokenInitializationLock.on(db))
                : new QuietTokenStore(store, new ProcessorPositions(), Duration.ofSeconds(2), Clock.systemUTC());
    }

    private Throwable secondCreationWhileTheFirstIsUncommitted(boolean locked) throws Exception {
        TokenStore first = instance(locked);
        TokenStore second = instance(locked);
        CountDownLatch created = new CountDownLatch(1);
        CompletableFuture<Void> firstCommitted = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
            first.initializeTokenSegments("case-graph", 1);
            created.countDown();
            sleep(1_000); // still uncommitted while the second instance looks
        }));
        if (!created.await(10, TimeUnit.SECONDS)) firstCommitted.get(1, TimeUnit.SECONDS); // its failure, if any
        assertThat(created.getCount()).as("the first instance created its tokens").isZero();
        Throwable refused = null;
        try {
            transaction.executeWithoutResult(status -> second.initializeTokenSegments("case-graph", 1));
        } catch (RuntimeException e) {
            refused = e;
        }
        firstCommitted.get(10, TimeUnit.SECONDS);
        assertThat(first.fetchSegments("case-graph")).containsExactly(0);
        return refused;
    }

    @Test
    void the_second_instance_waits_for_the_first_and_is_refused_the_claim_without_a_database_error() throws Exception {
        assertThat(secondCreationWhileTheFirstIsUncommitted(true)).isInstanceOf(UnableToClaimTokenException.class);
    }

    @Test
    void without_the_lock_the_second_instance_meets_a_duplicate_key() throws Exception {
        Throwable refused = secondCreationWhileTheFirstIsUncommitted(false);
        assertThat(refused).isNotNull().isNotInstanceOf(UnableToClaimTokenException.class);
        assertThat(rootMessage(refused)).contains("duplicate key");
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return String.valueOf(root.getMessage());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
