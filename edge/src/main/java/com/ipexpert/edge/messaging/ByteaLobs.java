package com.ipexpert.edge.messaging;

import org.hibernate.boot.model.TypeContributions;
import org.hibernate.boot.model.TypeContributor;
import org.hibernate.jpa.boot.spi.TypeContributorList;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.descriptor.jdbc.BinaryJdbcType;
import org.springframework.boot.autoconfigure.orm.jpa.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.sql.Types;
import java.util.List;

/**
 * Stores Axon's {@code @Lob} columns (payloads, metadata, tokens, sagas) as plain binary: {@code bytea} on
 * PostgreSQL instead of Hibernate 6's default {@code oid} large objects, which pile up by the hundred thousand
 * and halve throughput. The Flyway schema declares the same types.
 */
@Configuration
public class ByteaLobs implements TypeContributor {

    @Override
    public void contribute(TypeContributions contributions, ServiceRegistry serviceRegistry) {
        contributions.getTypeConfiguration().getJdbcTypeRegistry().addDescriptor(Types.BLOB, BinaryJdbcType.INSTANCE);
    }

    @Bean
    HibernatePropertiesCustomizer byteaLobsCustomizer() {
        return properties -> properties.put("hibernate.type_contributors", (TypeContributorList) () -> List.of(new ByteaLobs()));
    }
}
