package com.ipexpert.command.cases;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the case aggregate's handlers are given besides their command. */
@Configuration
class CaseConfiguration {

    /** Looked up when first used: Axon's configuration builds the node repository after this bean exists. */
    @Bean
    CaseNodes caseNodes(org.axonframework.config.Configuration axon) {
        return new CaseNodes(() -> axon.repository(Node.class));
    }
}
