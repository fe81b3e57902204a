package com.ipexpert.edge.ratelimits;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.Duration;

/** The rate limits and the model-call budget, configured once under {@code ipexpert.rate-limits}. */
@Configuration
@EnableScheduling
@EnableConfigurationProperties(RateLimitSettings.class)
public class RateLimitConfiguration {

    @Bean
    RateLimits rateLimits(DataSource dataSource, RateLimitSettings settings) {
        return new RateLimits(dataSource, settings.enabled());
    }

    @Bean
    RateLimitFilter rateLimitFilter(RateLimits limits, RateLimitSettings settings, ObjectMapper json) {
        return new RateLimitFilter(limits, settings, json);
    }

    /** Runs inside the security chain (after authentication), not as a plain servlet filter too. */
    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilterRegistration(RateLimitFilter filter) {
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    /** A user's model calls per UTC day: one bucket per user and day, never refilled within it. */
    @Bean
    ModelCallBudget modelCallBudget(RateLimits limits, RateLimitSettings settings, Clock clock) {
        RateLimitSettings.Limit daily = new RateLimitSettings.Limit(settings.modelCallsPerDay(), Duration.ofDays(1));
        return userId -> limits.use("model:" + userId + ":" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), daily).allowed();
    }

    @Bean
    RateLimitCleanup rateLimitCleanup(RateLimits limits) {
        return new RateLimitCleanup(limits);
    }

    static class RateLimitCleanup {
        private final RateLimits limits;

        RateLimitCleanup(RateLimits limits) {
            this.limits = limits;
        }

        @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
        void removeExpired() {
            limits.removeExpired();
        }
    }
}
