package org.invoicepipeline.ops.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.invoicepipeline.ops.ExitCodes;
import org.invoicepipeline.ops.OpsException;

/**
 * The tool's Kafka clients, created on first use: one admin client (its first call checks that the brokers answer,
 * so an unreachable cluster is one clear line, not a client's retry loop), byte-array consumers that never join a
 * group or commit, and one idempotent producer.
 */
public final class KafkaAccess implements AutoCloseable {

    private final String bootstrapServers;
    private final Duration timeout;
    private Admin admin;
    private KafkaProducer<byte[], byte[]> producer;
    private Set<String> topics;

    public KafkaAccess(String bootstrapServers, Duration timeout) {
        this.bootstrapServers = bootstrapServers;
        this.timeout = timeout;
    }

    public Duration timeout() {
        return timeout;
    }

    /** The admin client, after the brokers answered. */
    public synchronized Admin admin() {
        if (admin == null) {
            Map<String, Object> config = new HashMap<>();
            config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
            config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 30_000));
            config.put(AdminClientConfig.CLIENT_ID_CONFIG, "pipeline-ops-admin");
            admin = Admin.create(config);
            await(admin.describeCluster().nodes(), "reach the Kafka brokers at " + bootstrapServers);
        }
        return admin;
    }

    /** Every topic of the cluster (read once per run). */
    public synchronized Set<String> topics() {
        if (topics == null) {
            topics = await(admin().listTopics().names(), "list the topics");
        }
        return topics;
    }

    /** A consumer of raw records outside any group (assign and seek only), reading committed data. */
    public KafkaConsumer<byte[], byte[]> newConsumer() {
        admin();
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "pipeline-ops-reader");
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** The producer of replays: idempotent, every replica acknowledges. */
    public synchronized KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            admin();
            Map<String, Object> config = new HashMap<>();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis());
            config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(timeout.toMillis(), 15_000));
            config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 15_000));
            config.put(ProducerConfig.CLIENT_ID_CONFIG, "pipeline-ops-replay");
            producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    /** The value of {@code future}, or an {@link OpsException} saying what could not be done in time. */
    public <T> T await(KafkaFuture<T> future, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (TimeoutException e) {
            throw new OpsException(ExitCodes.BROKER_UNAVAILABLE, "cannot " + what + ": no answer within "
                    + timeout.toSeconds() + " s");
        }
        catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new OpsException(ExitCodes.BROKER_UNAVAILABLE, "cannot " + what + ": " + cause.getMessage());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpsException(ExitCodes.FAILED, "interrupted while trying to " + what);
        }
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
    }
}
