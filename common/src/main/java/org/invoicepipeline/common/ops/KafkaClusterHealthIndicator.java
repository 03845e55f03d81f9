package org.invoicepipeline.common.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Whether the Kafka cluster answers: one {@code describeCluster} with a short timeout, its answer cached for
 * {@code cacheFor}, so a probe every second costs the broker one request per cache period.
 */
public class KafkaClusterHealthIndicator implements HealthIndicator, DisposableBean {

    private record Check(Health health, Instant at) {
    }

    private final Duration timeout;
    private final Duration cacheFor;
    private final Clock clock;
    private Admin admin;
    private Check last;

    public KafkaClusterHealthIndicator(Map<String, Object> adminConfigs, Duration timeout, Duration cacheFor) {
        this(Admin::create, adminConfigs, timeout, cacheFor, Clock.systemUTC());
    }

    KafkaClusterHealthIndicator(Function<Map<String, Object>, Admin> adminFactory, Map<String, Object> adminConfigs,
                                Duration timeout, Duration cacheFor, Clock clock) {
        // Created here, on the thread that builds the context, not lazily on a probe's web-server thread; it
        // connects only on the first check.
        this.admin = adminFactory.apply(adminConfigs);
        this.timeout = timeout;
        this.cacheFor = cacheFor;
        this.clock = clock;
    }

    @Override
    public synchronized Health health() {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(last.at().plus(cacheFor))) {
            last = new Check(check(), now);
        }
        return last.health();
    }

    private Health check() {
        try {
            DescribeClusterResult cluster = admin.describeCluster(
                    new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
            long millis = timeout.toMillis();
            String clusterId = cluster.clusterId().get(millis, TimeUnit.MILLISECONDS);
            int brokers = cluster.nodes().get(millis, TimeUnit.MILLISECONDS).size();
            return Health.up().withDetail("clusterId", clusterId).withDetail("brokers", brokers).build();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().withDetail("error", "interrupted").build();
        }
        catch (Exception e) {
            // The exception's class only: messages can carry addresses and settings.
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return Health.down().withDetail("error", cause.getClass().getSimpleName())
                    .withDetail("timeout", timeout.toString()).build();
        }
    }

    @Override
    public synchronized void destroy() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
            admin = null;
        }
    }
}
