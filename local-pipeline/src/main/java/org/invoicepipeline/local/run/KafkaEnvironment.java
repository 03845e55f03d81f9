package org.invoicepipeline.local.run;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Kafka the local run uses: a real single-node KRaft broker in this JVM (spring-kafka-test's
 * {@link EmbeddedKafkaKraftBroker}, used here as a runtime component), or an external cluster. Either way
 * the pipeline's topics are created when missing, the upload stage's plan log compacted as the stage itself would
 * create it (its plans are the planner's memory of planned files and must not expire). Existing topics are left as
 * they are.
 */
public final class KafkaEnvironment implements AutoCloseable {

    private final EmbeddedKafkaKraftBroker embedded;
    private final String bootstrapServers;

    private KafkaEnvironment(EmbeddedKafkaKraftBroker embedded, String bootstrapServers) {
        this.embedded = embedded;
        this.bootstrapServers = bootstrapServers;
    }

    /** Starts an embedded broker with {@code partitions} partitions per topic. */
    public static KafkaEnvironment embedded(int partitions) {
        return embedded(partitions, Map.of());
    }

    /**
     * As {@link #embedded(int)}, with broker properties added to (and winning over) the launcher's; tests tune
     * the broker with them.
     */
    public static KafkaEnvironment embedded(int partitions, Map<String, String> extraBrokerProperties) {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, partitions);
        // A single broker: the internal topics of consumer offsets and transactions (the upload planner's
        // plan-and-commit is transactional) must make do with one replica.
        Map<String, String> properties = new HashMap<>(Map.of(
                "auto.create.topics.enable", "true",
                "offsets.topic.replication.factor", "1",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "transaction.state.log.num.partitions", "4",
                "group.initial.rebalance.delay.ms", "0"));
        properties.putAll(extraBrokerProperties);
        broker.brokerProperties(properties);
        broker.afterPropertiesSet();
        KafkaEnvironment environment = new KafkaEnvironment(broker, broker.getBrokersAsString());
        environment.createTopics(partitions);
        return environment;
    }

    public static KafkaEnvironment external(String bootstrapServers, int partitions) {
        KafkaEnvironment environment = new KafkaEnvironment(null, bootstrapServers);
        environment.createTopics(partitions);
        return environment;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    private void createTopics(int partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = PipelineTopics.all().stream()
                    .filter(topic -> !existing.contains(topic))
                    .map(topic -> newTopic(topic, partitions))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        }
        catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Creating the pipeline's topics on " + bootstrapServers + " failed", e);
        }
    }

    private static NewTopic newTopic(String name, int partitions) {
        NewTopic topic = new NewTopic(name, partitions, (short) 1);
        if (PipelineTopics.SESSIONS_PLANNED.equals(name)) {
            topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        }
        return topic;
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.destroy();
        }
    }
}
