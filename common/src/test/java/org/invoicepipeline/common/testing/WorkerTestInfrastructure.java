package org.invoicepipeline.common.testing;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.invoicepipeline.sandbox.ApiSandbox;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * What a worker's integration tests run against: a one-node KRaft broker, the API sandbox (rate limits scaled
 * 60x, fast page processing) and a producer of raw records.
 */
public final class WorkerTestInfrastructure implements AutoCloseable {

    /** Rate-limit scale of the sandbox and of the worker's client. */
    public static final double RATE_LIMIT_SCALE = 60.0;

    private final String apiKey;
    private final EmbeddedKafkaKraftBroker broker;
    private final ApiSandbox sandbox;
    private final KafkaProducer<String, byte[]> producer;

    /**
     * @param brokerProperties added to the single-node settings, e.g. the transaction log's replication
     */
    public WorkerTestInfrastructure(String apiKey, int partitions, Map<String, String> brokerProperties) {
        this.apiKey = apiKey;
        Map<String, String> brokerSettings = new HashMap<>(Map.of(
                "offsets.topic.replication.factor", "1",
                "group.initial.rebalance.delay.ms", "0"));
        brokerSettings.putAll(brokerProperties);
        broker = new EmbeddedKafkaKraftBroker(1, partitions);
        broker.brokerProperties(brokerSettings);
        broker.afterPropertiesSet();
        sandbox = ApiSandbox.builder().apiKey(apiKey).credits(100_000).rateLimitScale(RATE_LIMIT_SCALE)
                .pageProcessingTime(Duration.ofMillis(20)).port(0).start();
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    public EmbeddedKafkaKraftBroker broker() {
        return broker;
    }

    public ApiSandbox sandbox() {
        return sandbox;
    }

    /**
     * Kafka and {@code pipeline.api.*} settings of a worker under test: the sandbox's rate limits and short client
     * retries, so a failing call reaches the stage's error handler within seconds.
     */
    public Map<String, Object> workerProperties() {
        Map<String, Object> props = new HashMap<>();
        props.put("spring.kafka.bootstrap-servers", broker.getBrokersAsString());
        props.put("pipeline.api.base-url", sandbox.baseUrl());
        props.put("pipeline.api.api-key", apiKey);
        props.put("pipeline.api.rate-limit-scale", Double.toString(RATE_LIMIT_SCALE));
        props.put("pipeline.api.retry-max-total", "3s");
        props.put("pipeline.api.retry-initial-backoff", "20ms");
        props.put("pipeline.api.retry-max-backoff", "200ms");
        return props;
    }

    /** Sends and waits for the broker's acknowledgement. */
    public void send(String topic, String key, byte[] value) throws Exception {
        send(new ProducerRecord<>(topic, key, value));
    }

    /** Sends to one partition and waits for the broker's acknowledgement. */
    public void send(String topic, int partition, String key, byte[] value) throws Exception {
        send(new ProducerRecord<>(topic, partition, key, value));
    }

    private void send(ProducerRecord<String, byte[]> record) throws Exception {
        producer.send(record).get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        sandbox.close();
        broker.destroy();
    }
}
