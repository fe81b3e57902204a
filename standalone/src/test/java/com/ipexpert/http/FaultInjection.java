package com.ipexpert.http;

import com.ipexpert.analyst.AnalysisDecision;
import com.ipexpert.analyst.Analyst;
import com.ipexpert.analyst.CaseConversation;
import com.ipexpert.analyst.Evidence;
import com.ipexpert.analyst.offline.OfflineAnalyst;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real offline analyst, with one fault a test can trigger: a question containing {@link #FAIL} makes every
 * step throw until {@link #heal()} is called, so failure, retry and recovery can be driven over HTTP.
 */
@TestConfiguration
public class FaultInjection {
    public static final String FAIL = "[inject-failure]";
    static volatile boolean healed;
    static final AtomicInteger failures = new AtomicInteger();

    public static void heal() {
        healed = true;
    }

    @Bean
    @Primary
    Analyst faultyAnalyst() {
        OfflineAnalyst real = new OfflineAnalyst();
        return new Analyst() {
            @Override
            public String name() {
                return real.name();
            }

            @Override
            public String version() {
                return real.version();
            }

            @Override
            public AnalysisDecision analyse(CaseConversation conversation, List<Evidence> evidence) {
                if (conversation.question().contains(FAIL) && !healed) {
                    failures.incrementAndGet();
                    throw new IllegalStateException("injected failure");
                }
                return real.analyse(conversation, evidence);
            }
        };
    }
}
