package org.invoicepipeline.common.ops;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.MetricsReporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes every metric of a Kafka client (consumer, producer, admin) as a Micrometer meter, named and tagged as
 * Micrometer's {@code KafkaClientMetrics} binder does: {@code kafka.<group without -metrics>.<name>} with the
 * metric's tags ({@code client.id}, {@code topic}, {@code partition}, ...). {@code *-total} metrics become
 * function counters, everything else gauges.
 *
 * <p>Why a reporter and not the binder: a reporter is named in the client configuration
 * ({@code metric.reporters}), so it reaches every client built from Boot's {@code KafkaProperties} — listener
 * containers made without Boot's factory configurer and the upload planner's plain {@code KafkaConsumer} /
 * {@code KafkaProducer} included — without the code that creates the client holding a registry.
 */
public class KafkaClientMetricsReporter implements MetricsReporter {

    private static final Logger log = LoggerFactory.getLogger(KafkaClientMetricsReporter.class);

    /** Kafka's own bookkeeping metrics that say nothing about the client. */
    private static final Set<String> SKIPPED_GROUPS = Set.of("app-info", "kafka-metrics-count");

    private final Map<MetricName, Meter> meters = new ConcurrentHashMap<>();
    private volatile StageMeters stageMeters;

    @Override
    public void configure(Map<String, ?> configs) {
        stageMeters = StageMeters.from(configs).orElse(null);
    }

    @Override
    public void init(List<KafkaMetric> metrics) {
        metrics.forEach(this::metricChange);
    }

    @Override
    public void metricChange(KafkaMetric metric) {
        StageMeters target = stageMeters;
        MetricName name = metric.metricName();
        if (target == null || SKIPPED_GROUPS.contains(name.group())) {
            return;
        }
        try {
            MeterRegistry registry = target.registry();
            Meter previous = meters.remove(name);
            if (previous != null) {
                registry.remove(previous);
            }
            meters.put(name, register(registry, metric));
        }
        catch (RuntimeException e) {
            // A metric must never break the client that reports it.
            log.debug("Kafka metric {} not bound: {}", name, e.toString());
        }
    }

    @Override
    public void metricRemoval(KafkaMetric metric) {
        Meter meter = meters.remove(metric.metricName());
        StageMeters target = stageMeters;
        if (meter != null && target != null) {
            target.registry().remove(meter);
        }
    }

    @Override
    public void close() {
        StageMeters target = stageMeters;
        if (target != null) {
            MeterRegistry registry = target.registry();
            meters.values().forEach(registry::remove);
        }
        meters.clear();
    }

    static String meterName(MetricName name) {
        String group = name.group().replaceFirst("-metrics$", "");
        return ("kafka." + group + "." + name.name()).replace('-', '.').toLowerCase(Locale.ROOT);
    }

    static Tags tags(MetricName name) {
        return Tags.of(name.tags().entrySet().stream()
                .map(e -> Tag.of(e.getKey().replace('-', '.'), e.getValue()))
                .toList());
    }

    private static Meter register(MeterRegistry registry, KafkaMetric metric) {
        MetricName name = metric.metricName();
        String meterName = meterName(name);
        if (name.name().endsWith("-total")) {
            return FunctionCounter.builder(meterName, metric, KafkaClientMetricsReporter::value)
                    .description(name.description()).tags(tags(name)).register(registry);
        }
        return Gauge.builder(meterName, metric, KafkaClientMetricsReporter::value)
                .description(name.description()).tags(tags(name)).register(registry);
    }

    private static double value(KafkaMetric metric) {
        Object value = metric.metricValue();
        return value instanceof Number number ? number.doubleValue() : Double.NaN;
    }
}
