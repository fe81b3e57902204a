package com.ipexpert.command.agent;

import com.ipexpert.analyst.Analyst;
import com.ipexpert.analyst.llm.FallbackAnalyst;
import com.ipexpert.analyst.llm.LlmAnalyst;
import com.ipexpert.analyst.offline.OfflineAnalyst;
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
 * The LLM analyst, in use when {@code ipexpert.llm.api-key} or {@code ipexpert.llm.base-url} is set (a base URL alone
 * is a local model without auth: Ollama, vLLM), else the offline analyst answers; with
 * {@code ipexpert.llm.fallback-to-offline} (default) a step the model cannot answer is answered by the offline
 * analyst and says so. And what
 * {@code /actuator/info} says about the analyst in use: its kind, name, model and prompt or rules version, never the key.
 * The offline analyst ({@link AgentConfiguration}) stands aside by the same condition on the key.
 */
@Configuration
@EnableConfigurationProperties(LlmSettings.class)
public class LlmConfiguration {
    private static final Logger log = LoggerFactory.getLogger(LlmConfiguration.class);
    static final String API_KEY = "ipexpert.llm.api-key";
    static final String BASE_URL = "ipexpert.llm.base-url";

    @Bean
    @Conditional(ApiKeyConfigured.class)
    Analyst llmAnalyst(LlmSettings settings) {
        LlmAnalyst analyst = new LlmAnalyst(settings.endpoint());
        log.info("Analysis steps ask the model '{}' at {} with prompt {}, replies {}, {}; {}", settings.model(), settings.baseUrl(),
                analyst.version(), settings.stream() ? "streamed" : "whole", settings.configured() ? "with a key" : "without a key",
                settings.fallbackToOffline() ? "the offline analyst answers a step the model cannot" : "no fallback");
        return settings.fallbackToOffline() ? new FallbackAnalyst(analyst, new OfflineAnalyst()) : analyst;
    }

    @Bean
    InfoContributor analystInfo(Analyst analyst) {
        return info -> {
            Map<String, Object> details = new LinkedHashMap<>();
            Analyst asked = analyst instanceof FallbackAnalyst f ? f.model() : analyst;
            boolean llm = asked instanceof LlmAnalyst;
            details.put("kind", llm ? "llm" : analyst.name());
            details.put("name", analyst.name());
            if (llm) {
                details.put("model", analyst.name());
                details.put("promptVersion", analyst.version());
                details.put("streaming", ((LlmAnalyst) asked).streams());
                if (analyst instanceof FallbackAnalyst) details.put("fallback", OfflineAnalyst.NAME);
            } else {
                details.put("version", analyst.version());
            }
            info.withDetail("analyst", details);
        };
    }

    /**
     * A key, or a base URL alone (a local model without auth), switches the model on; blank values count as none: an
     * empty environment variable must not switch the model on.
     */
    static boolean apiKeyConfigured(ConditionContext context) {
        String key = context.getEnvironment().getProperty(API_KEY);
        String baseUrl = context.getEnvironment().getProperty(BASE_URL);
        return (key != null && !key.isBlank()) || (baseUrl != null && !baseUrl.isBlank());
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
