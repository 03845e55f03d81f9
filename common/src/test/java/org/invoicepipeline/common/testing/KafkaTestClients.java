package org.invoicepipeline.common.testing;

import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/** Client settings for tests that produce to and read from an embedded broker directly. */
public final class KafkaTestClients {

    private KafkaTestClients() {
    }

    /** Only the bootstrap servers: serializers are passed to the producer's constructor. */
    public static Properties producerProperties(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return props;
    }

    /** A fresh group per consumer, from the beginning, so each read sees every record. */
    public static Properties consumerProperties(String bootstrapServers, String groupPrefix) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupPrefix + "-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return props;
    }
}
