package com.ipexpert.edge.messaging;

import org.hibernate.boot.model.TypeContributions;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolver;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.descriptor.jdbc.BinaryJdbcType;
import org.springframework.boot.autoconfigure.orm.jpa.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.sql.Types;

/**
 * Stores Axon's {@code @Lob} columns (payloads, metadata, tokens, sagas) as plain binary: {@code bytea} on
 * PostgreSQL instead of Hibernate 6's default {@code oid} large objects, which pile up by the hundred thousand
 * and halve throughput. The Flyway schema declares the same types. Other databases keep Hibernate's own dialect.
 */
@Configuration
public class ByteaLobs {

    /** PostgreSQL, with {@code @Lob byte[]} bound as bytea. */
    public static class ByteaPostgreSQLDialect extends PostgreSQLDialect {
        public ByteaPostgreSQLDialect(DialectResolutionInfo info) {
            super(info);
        }

        @Override
        public void contributeTypes(TypeContributions contributions, ServiceRegistry serviceRegistry) {
            super.contributeTypes(contributions, serviceRegistry);
            contributions.getTypeConfiguration().getJdbcTypeRegistry().addDescriptor(Types.BLOB, BinaryJdbcType.INSTANCE);
        }
    }

    /** Picks the bytea dialect for PostgreSQL and leaves every other database to Hibernate's resolution. */
    public static class Resolver implements DialectResolver {
        @Override
        public Dialect resolveDialect(DialectResolutionInfo info) {
            return "PostgreSQL".equalsIgnoreCase(info.getDatabaseName()) ? new ByteaPostgreSQLDialect(info) : null;
        }
    }

    @Bean
    HibernatePropertiesCustomizer byteaLobsCustomizer() {
        return properties -> properties.put("hibernate.dialect_resolvers", Resolver.class.getName());
    }
}
