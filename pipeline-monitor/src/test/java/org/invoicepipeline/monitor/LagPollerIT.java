package org.invoicepipeline.monitor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The monitor against a real KRaft broker, with no consumer of the watched group running at all: lag in records
 * from the committed offsets, lag in seconds from the write time of the oldest unconsumed record, a group that
 * never committed, a transactional topic read to its end (only the commit marker left: no lag), and the depth and
 * total of a dead-letter topic.
 */
class LagPollerIT {

    private static EmbeddedKafkaKraftBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperties(Map.of("offsets.topic.replication.factor", "1", "group.initial.rebalance.delay.ms", "0",
                "transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1"));
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    @Test
    void reportsLagInRecordsAndSecondsAndDeadLetterTopicsWithTheWorkersDown() throws Exception {
        Instant now = Instant.now();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.getBrokersAsString()));
             KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                     new StringSerializer(), new StringSerializer())) {
            admin.createTopics(List.of(new NewTopic("parts-uploaded", 1, (short) 1),
                    new NewTopic("extraction-submitted", 1, (short) 1),
                    new NewTopic("parts-uploaded.DLT", 1, (short) 1),
                    new NewTopic("upload-sessions-planned", 1, (short) 1))).all().get();
            for (int i = 0; i < 5; i++) {
                // Written 10 minutes ago and later, one minute apart.
                long timestamp = now.minus(Duration.ofMinutes(10 - i)).toEpochMilli();
                producer.send(new ProducerRecord<>("parts-uploaded", 0, timestamp, "k" + i, "v" + i)).get();
                producer.send(new ProducerRecord<>("extraction-submitted", 0, timestamp, "k" + i, "v" + i)).get();
            }
            producer.send(new ProducerRecord<>("parts-uploaded.DLT", "dead", "letter")).get();
            producer.send(new ProducerRecord<>("parts-uploaded.DLT", "dead", "letter")).get();
            writeInOneTransaction("upload-sessions-planned", 3);
            // The uploader consumed all three: it commits offset 3; the commit marker sits at 3, the end is 4.
            admin.alterConsumerGroupOffsets("upload-uploader",
                    Map.of(new TopicPartition("upload-sessions-planned", 0), new OffsetAndMetadata(3))).all().get();
            admin.alterConsumerGroupOffsets("submit-worker",
                    Map.of(new TopicPartition("parts-uploaded", 0), new OffsetAndMetadata(2))).all().get();

            MonitorProperties properties = new MonitorProperties();
            properties.setBootstrapServers(broker.getBrokersAsString());
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            try (OldestRecordReader reader = new OldestRecordReader(
                    MonitorConfiguration.clientConfigs(properties, "test-timestamps"), Duration.ofSeconds(10))) {
                LagPoller poller = new LagPoller(properties, new BrokerOffsets(admin, Duration.ofSeconds(10)), reader,
                        new MonitorMetrics(registry), Clock.systemUTC());

                assertThat(poller.pollOnce()).isTrue();

                assertThat(gauge(registry, MonitorMetrics.LAG_RECORDS, "submit-worker")).isEqualTo(3);
                // The oldest unconsumed record is offset 2, written 8 minutes ago.
                assertThat(gauge(registry, MonitorMetrics.LAG_SECONDS, "submit-worker")).isCloseTo(480, within(30.0));
                assertThat(gauge(registry, MonitorMetrics.COMMITTED_OFFSET, "submit-worker")).isEqualTo(2);
                // poll-worker never committed: all 5 records wait, the oldest written 10 minutes ago.
                assertThat(gauge(registry, MonitorMetrics.LAG_RECORDS, "poll-worker")).isEqualTo(5);
                assertThat(gauge(registry, MonitorMetrics.LAG_SECONDS, "poll-worker")).isCloseTo(600, within(30.0));
                // A transactional topic read to its end: only the commit marker is left, which no consumer is handed.
                assertThat(registry.get(MonitorMetrics.END_OFFSET).tag("topic", "upload-sessions-planned").gauge().value())
                        .isEqualTo(4);
                assertThat(gauge(registry, MonitorMetrics.LAG_RECORDS, "upload-uploader")).isZero();
                assertThat(gauge(registry, MonitorMetrics.LAG_SECONDS, "upload-uploader")).isZero();
                assertThat(registry.get(MonitorMetrics.DLT_DEPTH).tag("topic", "parts-uploaded.DLT").gauge().value())
                        .isEqualTo(2);
                assertThat(registry.get(MonitorMetrics.DLT_RECORDS).tag("topic", "parts-uploaded.DLT")
                        .functionCounter().count()).isEqualTo(2);

                admin.alterConsumerGroupOffsets("submit-worker",
                        Map.of(new TopicPartition("parts-uploaded", 0), new OffsetAndMetadata(5))).all().get();
                assertThat(poller.pollOnce()).isTrue();
                assertThat(gauge(registry, MonitorMetrics.LAG_RECORDS, "submit-worker")).isZero();
                assertThat(gauge(registry, MonitorMetrics.LAG_SECONDS, "submit-worker")).isZero();
            }
        }
    }

    private static void writeInOneTransaction(String topic, int count) throws Exception {
        try (KafkaProducer<String, String> transactional = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "lag-poller-it"), new StringSerializer(), new StringSerializer())) {
            transactional.initTransactions();
            transactional.beginTransaction();
            for (int i = 0; i < count; i++) {
                transactional.send(new ProducerRecord<>(topic, 0, "plan" + i, "session")).get();
            }
            transactional.commitTransaction();
        }
    }

    private static double gauge(SimpleMeterRegistry registry, String name, String group) {
        return registry.get(name).tag("group", group).gauge().value();
    }
}
