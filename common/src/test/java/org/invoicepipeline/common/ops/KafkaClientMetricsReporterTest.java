package org.invoicepipeline.common.ops;

import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.CumulativeSum;
import org.apache.kafka.common.metrics.stats.Max;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaClientMetricsReporterTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void everyClientMetricBecomesAMeterNamedAsMicrometersBinderNamesIt() {
        StageMeters meters = StageMeters.register("poll", () -> registry, 10);
        KafkaClientMetricsReporter reporter = new KafkaClientMetricsReporter();
        reporter.configure(Map.of(StageMeters.REGISTRY_ID_CONFIG, meters.id()));
        try (Metrics metrics = new Metrics()) {
            metrics.addReporter(reporter);
            Sensor consumed = metrics.sensor("consumed");
            MetricName total = metrics.metricName("records-consumed-total", "consumer-fetch-manager-metrics",
                    Map.of("client-id", "poll-1", "topic", "extraction-submitted"));
            consumed.add(total, new CumulativeSum());
            Sensor lag = metrics.sensor("lag");
            lag.add(metrics.metricName("records-lag-max", "consumer-fetch-manager-metrics", Map.of("client-id", "poll-1")),
                    new Max());
            consumed.record(5);
            lag.record(42);

            assertThat(registry.get("kafka.consumer.fetch.manager.records.consumed.total")
                    .tags("client.id", "poll-1", "topic", "extraction-submitted").functionCounter().count()).isEqualTo(5);
            assertThat(registry.get("kafka.consumer.fetch.manager.records.lag.max").tag("client.id", "poll-1")
                    .gauge().value()).isEqualTo(42);

            metrics.removeMetric(total);
            assertThat(registry.find("kafka.consumer.fetch.manager.records.consumed.total").meters()).isEmpty();
        }
        finally {
            meters.unregister();
        }
        assertThat(registry.find("kafka.consumer.fetch.manager.records.lag.max").meters())
                .as("a closed client leaves no meters").isEmpty();
    }

    @Test
    void aClientBuiltWithoutTheStagesConfigurationReportsNothing() {
        KafkaClientMetricsReporter reporter = new KafkaClientMetricsReporter();
        reporter.configure(Map.of("client.id", "someone-else"));
        try (Metrics metrics = new Metrics()) {
            metrics.addReporter(reporter);
            metrics.sensor("s").add(metrics.metricName("x-total", "producer-metrics"), new CumulativeSum());
        }
        assertThat(registry.getMeters()).isEmpty();
    }
}
