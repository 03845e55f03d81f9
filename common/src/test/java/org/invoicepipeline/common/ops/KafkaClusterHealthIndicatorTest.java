package org.invoicepipeline.common.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class KafkaClusterHealthIndicatorTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-07-01T09:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @Test
    void probesWithinTheCacheTimeDoNotAskTheBrokerAgain() {
        Admin admin = mock(Admin.class);
        DescribeClusterResult cluster = mock(DescribeClusterResult.class);
        when(cluster.clusterId()).thenReturn(KafkaFuture.completedFuture("cluster-1"));
        when(cluster.nodes()).thenReturn(KafkaFuture.completedFuture(List.of(new Node(1, "localhost", 9092))));
        when(admin.describeCluster(any(DescribeClusterOptions.class))).thenReturn(cluster);
        KafkaClusterHealthIndicator indicator = new KafkaClusterHealthIndicator(configs -> admin, Map.of(),
                Duration.ofSeconds(2), Duration.ofSeconds(10), clock);

        for (int i = 0; i < 5; i++) {
            assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
            now.set(now.get().plusSeconds(1));
        }
        verify(admin, times(1)).describeCluster(any(DescribeClusterOptions.class));

        now.set(now.get().plusSeconds(10));
        assertThat(indicator.health().getDetails()).containsEntry("clusterId", "cluster-1").containsEntry("brokers", 1);
        verify(admin, times(2)).describeCluster(any(DescribeClusterOptions.class));
    }

    @Test
    void anUnreachableClusterIsDownWithoutItsAddressInTheDetails() {
        Admin admin = mock(Admin.class);
        DescribeClusterResult cluster = mock(DescribeClusterResult.class);
        KafkaFuture<String> failed = KafkaFuture.completedFuture(null).thenApply(ignored -> {
            throw new TimeoutException("Timed out waiting for a node assignment: kafka-secret-host:9092");
        });
        when(cluster.clusterId()).thenReturn(failed);
        when(admin.describeCluster(any(DescribeClusterOptions.class))).thenReturn(cluster);
        KafkaClusterHealthIndicator indicator = new KafkaClusterHealthIndicator(configs -> admin, Map.of(),
                Duration.ofMillis(200), Duration.ofSeconds(10), clock);

        var health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("error", "TimeoutException");
        assertThat(health.getDetails().toString()).doesNotContain("kafka-secret-host");
    }
}
