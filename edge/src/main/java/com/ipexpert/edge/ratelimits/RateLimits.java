package com.ipexpert.edge.ratelimits;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets (Bucket4j) keyed by what is limited, e.g. {@code login-user:alice}. On PostgreSQL the buckets live in
 * table {@code rate_limit_bucket} (select for update), so every instance of a side counts against the same bucket;
 * on the embedded H2 database (one process) they live in memory and start full after a restart.
 */
public class RateLimits {
    private static final Logger log = LoggerFactory.getLogger(RateLimits.class);
    private final boolean enabled;
    private final ProxyManager<String> shared;
    private final PostgreSQLSelectForUpdateBasedProxyManager<String> cleaner;
    private final Map<String, Bucket> local = new ConcurrentHashMap<>();

    /** What a check or a use found: allowed, or refused with the seconds until it is allowed again. */
    public record Verdict(boolean allowed, long retryAfterSeconds) {
        static Verdict of(boolean allowed, long nanosToWait) {
            return new Verdict(allowed, allowed ? 0 : Math.max(1, (nanosToWait + 999_999_999L) / 1_000_000_000L));
        }
    }

    public RateLimits(DataSource dataSource, boolean enabled) {
        this.enabled = enabled;
        if (com.ipexpert.edge.deployment.Databases.isPostgres(dataSource)) {
            this.cleaner = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                    .primaryKeyMapper(PrimaryKeyMapper.STRING)
                    .table("rate_limit_bucket").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                    .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                    .build();
            this.shared = cleaner;
            log.info("Rate limits are shared through PostgreSQL (table rate_limit_bucket)");
        } else {
            this.cleaner = null;
            this.shared = null;
            log.info("Rate limits are kept in memory (embedded database, one process)");
        }
    }

    /** Whether one more is allowed, without using it. */
    public Verdict check(String key, RateLimitSettings.Limit limit) {
        if (!enabled) return new Verdict(true, 0);
        EstimationProbe probe = bucket(key, limit).estimateAbilityToConsume(1);
        return Verdict.of(probe.canBeConsumed(), probe.getNanosToWaitForRefill());
    }

    /** Uses one; refused when none is left. */
    public Verdict use(String key, RateLimitSettings.Limit limit) {
        if (!enabled) return new Verdict(true, 0);
        ConsumptionProbe probe = bucket(key, limit).tryConsumeAndReturnRemaining(1);
        return Verdict.of(probe.isConsumed(), probe.getNanosToWaitForRefill());
    }

    /** Drops buckets that have refilled completely (their rows or entries carry nothing a new one would not). */
    public void removeExpired() {
        if (cleaner != null) {
            int removed;
            do {
                removed = cleaner.removeExpired(500);
            } while (removed == 500);
        }
        if (local.size() > 10_000) local.clear();
    }

    private Bucket bucket(String key, RateLimitSettings.Limit limit) {
        String id = key.length() > 255 ? key.substring(0, 255) : key;
        BucketConfiguration config = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(limit.capacity())
                        .refillIntervally(limit.capacity(), limit.window()).build())
                .build();
        if (shared != null) return shared.builder().build(id, () -> config);
        return local.computeIfAbsent(id + "|" + limit, k -> Bucket.builder().addLimit(config.getBandwidths()[0]).build());
    }
}
