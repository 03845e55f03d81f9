package org.invoicepipeline.upload.plan;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.invoicepipeline.common.kafka.DeadLetterRecords;
import org.invoicepipeline.common.kafka.FailureClassifier;
import org.invoicepipeline.common.kafka.RecordRejectedException;
import org.invoicepipeline.common.kafka.StageFailure;
import org.invoicepipeline.events.ExtractionResult;
import org.invoicepipeline.events.FileRegistered;
import org.invoicepipeline.upload.UploadMetrics;
import org.invoicepipeline.upload.results.FailedResults;
import org.invoicepipeline.upload.validation.FileValidator;
import org.invoicepipeline.upload.validation.ValidatedFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Step 1 of the upload stage: consumes FileRegistered, validates each, groups the valid ones into upload
 * sessions and persists each plan before any API call. It owns a plain consumer and a transactional
 * producer: each flush writes the due plans, the dead letters of rejected registrations (raw bytes) and their
 * DEAD_LETTERED results in one transaction together with the consumed offsets, so after a crash a
 * registration is either re-read (nothing was called yet) or covered by exactly one persisted plan.
 * Offsets only move past records no longer waiting in the buffer. A rebalance first plans everything
 * waiting; any failure drops the clients and starts over from the committed offsets.
 * <p>
 * A file is planned once: the plan log is the state. The planner reads the whole plan log into an index of
 * planned file ids before it consumes (and catches up on each partition assignment and between polls, to see
 * other planners' plans), adds its own plans on commit, and skips a registration whose file id is already
 * planned or waiting in the buffer: counted, logged, its offset committed, nothing dead-lettered.
 */
public class SessionPlanner implements SmartLifecycle {

    /** Stage name in dead-letter headers. */
    public static final String STAGE = "upload";

    private static final Logger log = LoggerFactory.getLogger(SessionPlanner.class);

    /** Topics and limits of the planner. */
    public record Settings(String inputTopic, String plannedTopic, String resultsTopic, boolean publishFailedResults,
                           String groupId, String transactionalIdPrefix, int maxFilesPerSession, long maxSessionBytes,
                           Duration linger, Duration pollTimeout) {
    }

    private final Settings settings;
    private final Map<String, Object> consumerConfigs;
    private final Map<String, Object> producerConfigs;
    private final FileValidator validator;
    private final Deserializer<FileRegistered> eventDeserializer;
    private final Serializer<ExtractionResult> resultSerializer;
    private final PlannedSessionCodec codec = new PlannedSessionCodec();
    private final UploadMetrics metrics;
    private final Clock clock;
    private final SessionBuffer buffer;
    private final PlannedFiles plannedFiles = new PlannedFiles();
    private final PlanLogReader planLog;
    private final DuplicateRegistrations duplicates;

    private volatile boolean running;
    private volatile Thread thread;
    private volatile KafkaConsumer<String, byte[]> consumer;

    public SessionPlanner(Settings settings, Map<String, Object> consumerConfigs, Map<String, Object> producerConfigs,
                          FileValidator validator, Deserializer<FileRegistered> eventDeserializer,
                          Serializer<ExtractionResult> resultSerializer, UploadMetrics metrics, Clock clock) {
        this.settings = settings;
        this.consumerConfigs = consumerConfigs;
        this.producerConfigs = producerConfigs;
        this.validator = validator;
        this.eventDeserializer = eventDeserializer;
        this.resultSerializer = resultSerializer;
        this.metrics = metrics;
        this.clock = clock;
        this.buffer = new SessionBuffer(settings.maxFilesPerSession(), settings.maxSessionBytes(), settings.linger().toMillis());
        this.planLog = new PlanLogReader(settings.plannedTopic(), consumerConfigs, settings.pollTimeout(), plannedFiles);
        this.duplicates = new DuplicateRegistrations(plannedFiles, buffer, metrics);
        metrics.waitingFiles(buffer::waitingFiles);
        metrics.plannedFiles(plannedFiles::size);
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        Thread worker = new Thread(this::run, "upload-planner-" + settings.groupId());
        worker.setDaemon(true);
        thread = worker;
        worker.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        planLog.wakeup();
        Thread worker = thread;
        if (worker != null) {
            try {
                worker.join(Duration.ofSeconds(30).toMillis());
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Whether the planner's thread is alive: false before start, after stop, or when it died. */
    public boolean isThreadAlive() {
        Thread worker = thread;
        return worker != null && worker.isAlive();
    }

    private void run() {
        while (running) {
            try {
                runClients();
            }
            catch (WakeupException e) {
                // stop() woke the consumer
            }
            catch (RuntimeException e) {
                log.warn("upload planner restarts from the committed offsets after: {}", e.toString());
                metrics.plannerRestarted();
                sleepQuietly(Duration.ofSeconds(1));
            }
        }
    }

    /** One life of the consumer and producer: ends on stop() or on the first failure. */
    private void runClients() {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProperties());
             KafkaConsumer<String, byte[]> kafkaConsumer = new KafkaConsumer<>(consumerProperties())) {
            producer.initTransactions();
            Cycle cycle = new Cycle(kafkaConsumer, producer);
            consumer = kafkaConsumer;
            planLog.catchUp();
            kafkaConsumer.subscribe(List.of(settings.inputTopic()), cycle);
            while (running) {
                ConsumerRecords<String, byte[]> records = kafkaConsumer.poll(settings.pollTimeout());
                planLog.refresh();
                for (ConsumerRecord<String, byte[]> record : records) {
                    cycle.handle(record);
                }
                cycle.flush(false);
            }
        }
        finally {
            consumer = null;
            planLog.close();
            buffer.clear();
        }
    }

    /** The state of one consumer/producer life: what was read, what waits to be written. */
    private final class Cycle implements ConsumerRebalanceListener {

        private final KafkaConsumer<String, byte[]> consumer;
        private final KafkaProducer<String, byte[]> producer;
        private final Map<TopicPartition, Long> nextOffsets = new HashMap<>();
        private final Map<TopicPartition, Long> committed = new HashMap<>();
        private final List<ProducerRecord<String, byte[]>> pendingSends = new ArrayList<>();

        Cycle(KafkaConsumer<String, byte[]> consumer, KafkaProducer<String, byte[]> producer) {
            this.consumer = consumer;
            this.producer = producer;
        }

        void handle(ConsumerRecord<String, byte[]> record) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            nextOffsets.put(partition, record.offset() + 1);
            FileRegistered event = null;
            try {
                if (record.value() == null) {
                    throw new RecordRejectedException(FailureClassifier.POISON_RECORD, "record has no value");
                }
                event = eventDeserializer.deserialize(record.topic(), record.headers(), record.value());
                if (duplicates.skip(record, event)) {
                    return;
                }
                ValidatedFile valid = validator.validate(event);
                buffer.add(partition, record.offset(), valid, clock.millis());
                metrics.fileAccepted();
            }
            catch (RuntimeException e) {
                reject(record, event, FailureClassifier.classify(e));
            }
        }

        private void reject(ConsumerRecord<String, byte[]> record, FileRegistered event, StageFailure failure) {
            pendingSends.add(DeadLetterRecords.toDeadLetter(record, record.key(), record.value(), STAGE, failure, 1));
            if (event != null && settings.publishFailedResults()) {
                ExtractionResult result = FailedResults.rejected(event, failure, clock.instant());
                pendingSends.add(new ProducerRecord<>(settings.resultsTopic(), event.getFileId(),
                        resultSerializer.serialize(settings.resultsTopic(), result)));
            }
            metrics.fileRejected(failure.code());
            log.info("upload stage rejected {}-{}@{}: {} {}", record.topic(), record.partition(), record.offset(),
                    failure.code(), failure.message());
        }

        /** Writes what is due (everything when {@code everything}) with the offsets, in one transaction. */
        void flush(boolean everything) {
            List<SessionBuffer.Group> due = buffer.takeDue(clock.millis(), everything);
            Map<TopicPartition, OffsetAndMetadata> offsets = safeOffsets();
            if (due.isEmpty() && pendingSends.isEmpty() && offsets.isEmpty()) {
                return;
            }
            List<PlannedSession> plans = due.stream().map(group -> SessionPlans.plan(group, clock.millis())).toList();
            producer.beginTransaction();
            try {
                for (PlannedSession plan : plans) {
                    producer.send(new ProducerRecord<>(settings.plannedTopic(), plan.uploadSessionId(), codec.write(plan)));
                }
                pendingSends.forEach(producer::send);
                if (!offsets.isEmpty()) {
                    producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
                }
                producer.commitTransaction();
            }
            catch (RuntimeException e) {
                try {
                    producer.abortTransaction();
                }
                catch (RuntimeException abortFailure) {
                    e.addSuppressed(abortFailure);
                }
                throw e;
            }
            offsets.forEach((partition, offset) -> committed.put(partition, offset.offset()));
            plans.forEach(plannedFiles::add);
            plans.forEach(plan -> {
                metrics.sessionPlanned();
                log.info("planned upload session {} ({} file(s), {} bytes, profile {}, batch {})", plan.uploadSessionId(),
                        plan.files().size(), plan.totalBytes(), plan.profile(), plan.batchKey());
            });
            pendingSends.clear();
        }

        /** Per partition, the offset below which nothing waits any more, where it moved since the last commit. */
        private Map<TopicPartition, OffsetAndMetadata> safeOffsets() {
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            nextOffsets.forEach((partition, next) -> {
                long safe = buffer.lowestWaitingOffset(partition).orElse(next);
                if (!Long.valueOf(safe).equals(committed.get(partition))) {
                    offsets.put(partition, new OffsetAndMetadata(safe));
                }
            });
            return offsets;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (running && !partitions.isEmpty()) {
                flush(true);
            }
            else {
                buffer.clear();
                pendingSends.clear();
            }
            partitions.forEach(p -> {
                nextOffsets.remove(p);
                committed.remove(p);
            });
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            // positions come from the committed offsets; fetching them waits for a previous owner's pending
            // transaction, whose plans the plan log then shows: read them before this owner's first record
            if (running && !partitions.isEmpty()) {
                partitions.forEach(consumer::position);
                planLog.catchUp();
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            throw new IllegalStateException("planner lost partitions " + partitions + "; starting over");
        }
    }

    private Map<String, Object> consumerProperties() {
        Map<String, Object> props = new HashMap<>(consumerConfigs);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, settings.groupId() + "-" + UUID.randomUUID());
        return props;
    }

    private Map<String, Object> producerProperties() {
        Map<String, Object> props = new HashMap<>(producerConfigs);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, settings.transactionalIdPrefix() + "-" + UUID.randomUUID());
        props.put(ProducerConfig.CLIENT_ID_CONFIG, settings.transactionalIdPrefix() + "-" + UUID.randomUUID());
        return props;
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
