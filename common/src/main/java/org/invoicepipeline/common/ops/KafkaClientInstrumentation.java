package org.invoicepipeline.common.ops;

import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * Adds the stage's Kafka plug-ins to Boot's {@link KafkaProperties} before anyone reads them, so that every client
 * built from them — Boot's factories, the stages' own factories and the planner's plain clients — reports to this
 * context's registry: {@link KafkaClientMetricsReporter} ({@code metric.reporters}),
 * {@link StageConsumerInterceptor} and {@link StageProducerInterceptor} ({@code interceptor.classes}). Settings
 * already present are kept; ours are appended.
 */
public class KafkaClientInstrumentation implements BeanPostProcessor, DisposableBean {

    private final StageMeters meters;

    public KafkaClientInstrumentation(String stage, Supplier<MeterRegistry> registry, int stageTimingCapacity) {
        this.meters = StageMeters.register(stage, registry, stageTimingCapacity);
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof KafkaProperties kafka) {
            instrument(kafka);
        }
        return bean;
    }

    void instrument(KafkaProperties kafka) {
        Map<String, String> common = kafka.getProperties();
        common.put(StageMeters.REGISTRY_ID_CONFIG, meters.id());
        append(common, CommonClientConfigs.METRIC_REPORTER_CLASSES_CONFIG, KafkaClientMetricsReporter.class.getName());
        append(kafka.getConsumer().getProperties(), ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG,
                StageConsumerInterceptor.class.getName());
        append(kafka.getProducer().getProperties(), ProducerConfig.INTERCEPTOR_CLASSES_CONFIG,
                StageProducerInterceptor.class.getName());
    }

    private static void append(Map<String, String> properties, String key, String className) {
        String current = properties.get(key);
        if (current == null || current.isBlank()) {
            properties.put(key, className);
        }
        else if (!current.contains(className)) {
            properties.put(key, current + "," + className);
        }
    }

    @Override
    public void destroy() {
        meters.unregister();
    }
}
