package com.ipexpert.command.agent;

import com.ipexpert.analyst.Analyst;
import com.ipexpert.analyst.llm.LlmAnalyst;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The LLM analyst, in use when {@code ipexpert.llm.api-key} is set (else the offline analyst answers), and what
 * {@code /actuator/info} says about the analyst in use: its kind, name, model and prompt or rules version, never the key.
 * The offline analyst ({@link AgentConfiguration}) stands aside by the same condition on the key.
 */
@Configuration
@EnableConfigurationProperties(LlmSettings.class)
public class LlmConfiguration {
    private static final Logger log = LoggerFactory.getLogger(LlmConfiguration.class);
    static final String API_KEY = "ipexpert.llm.api-key";

    @Bean
    @Conditional(ApiKeyConfigured.class)
    Analyst llmAnalyst(LlmSettings settings) {
        LlmAnalyst analyst = new LlmAnalyst(settings.endpoint());
        log.info("Analysis steps ask the model '{}' at {} with prompt {}, replies {}", settings.model(), settings.baseUrl(),
                analyst.version(), settings.stream() ? "streamed" : "whole");
        return analyst;
    }

    @Bean
    InfoContributor analystInfo(Analyst analyst) {
        return info -> {
            Map<String, Object> details = new LinkedHashMap<>();
            boolean llm = analyst instanceof LlmAnalyst;
            details.put("kind", llm ? "llm" : analyst.name());
            details.put("name", analyst.name());
            if (llm) {
                details.put("model", analyst.name());
                details.put("promptVersion", analyst.version());
                details.put("streaming", ((LlmAnalyst) analyst).streams());
            } else {
                details.put("version", analyst.version());
            }
            info.withDetail("analyst", details);
        };
    }

    /** A blank key counts as none: an empty environment variable must not switch the model on. */
    static boolean apiKeyConfigured(ConditionContext context) {
        String key = context.getEnvironment().getProperty(API_KEY);
        return key != null && !key.isBlank();
    }

    static class ApiKeyConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return apiKeyConfigured(context);
        }
    }

    static class NoApiKey implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !apiKeyConfigured(context);
        }
    }
}
