package org.invoicepipeline.upload.plan;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.invoicepipeline.events.ExtractionResult;
import org.invoicepipeline.events.FileRegistered;
import org.invoicepipeline.upload.UploadMetrics;
import org.invoicepipeline.upload.validation.FileValidator;
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
 * waiting; any failure drops the clients and starts over from the committed offsets, and a life that failed never
 * commits again ({@link PlannerCycle}). Plans are bounded in size by construction ({@link PlanBudget}).
 * <p>
 * A file is planned once: the plan log is the state. The planner reads the whole plan log into an index of
 * planned file ids before it consumes (and catches up on each partition assignment and between polls, to see
 * other planners' plans), adds its own plans on commit, and skips a registration whose file id is already
 * planned or waiting in the buffer: counted, logged, its offset committed, nothing dead-lettered.
 */
public class SessionPlanner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SessionPlanner.class);

    /** Topics and limits of the planner; {@code maxPlanBytes} bounds one encoded plan record's value. */
    public record Settings(String inputTopic, String plannedTopic, String resultsTopic, boolean publishFailedResults,
                           String groupId, String transactionalIdPrefix, int maxFilesPerSession, long maxSessionBytes,
                           long maxPlanBytes, Duration linger, Duration pollTimeout) {
    }

    /** Room left in a produce request for a plan's key, headers and record framing. */
    static final int RECORD_OVERHEAD_BYTES = 1024;

    private final Settings settings;
    private final Map<String, Object> consumerConfigs;
    private final Map<String, Object> producerConfigs;
    private final UploadMetrics metrics;
    private final Clock clock;
    private final SessionBuffer buffer;
    private final PlannedFiles plannedFiles = new PlannedFiles();
    private final PlanLogReader planLog;
    private final RegistrationIntake intake;

    private volatile boolean running;
    private volatile Thread thread;
    private volatile KafkaConsumer<String, byte[]> consumer;

    public SessionPlanner(Settings settings, Map<String, Object> consumerConfigs, Map<String, Object> producerConfigs,
                          FileValidator validator, Deserializer<FileRegistered> eventDeserializer,
                          Serializer<ExtractionResult> resultSerializer, UploadMetrics metrics, Clock clock) {
        this(settings, consumerConfigs, producerConfigs, validator, eventDeserializer, resultSerializer, metrics, clock,
                RegistrationDiversion.NONE);
    }

    /** A planner that asks {@code diversion} about every valid file before buffering it (content de-duplication). */
    public SessionPlanner(Settings settings, Map<String, Object> consumerConfigs, Map<String, Object> producerConfigs,
                          FileValidator validator, Deserializer<FileRegistered> eventDeserializer,
                          Serializer<ExtractionResult> resultSerializer, UploadMetrics metrics, Clock clock,
                          RegistrationDiversion diversion) {
        this.settings = settings;
        this.consumerConfigs = consumerConfigs;
        this.producerConfigs = producerConfigs;
        this.metrics = metrics;
        this.clock = clock;
        checkPlanFitsARequest(settings.maxPlanBytes(), producerConfigs);
        PlanBudget budget = new PlanBudget(settings.maxPlanBytes());
        this.buffer = new SessionBuffer(settings.maxFilesPerSession(), settings.maxSessionBytes(),
                settings.maxPlanBytes(), budget::envelopeBytes, settings.linger().toMillis());
        this.planLog = new PlanLogReader(settings.plannedTopic(), consumerConfigs, settings.pollTimeout(), plannedFiles);
        this.intake = new RegistrationIntake(settings.resultsTopic(), settings.publishFailedResults(), eventDeserializer,
                resultSerializer, new DuplicateRegistrations(plannedFiles, buffer, metrics), validator, buffer, budget,
                metrics, clock, diversion);
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
            PlannerCycle cycle = new PlannerCycle(kafkaConsumer, producer, settings.plannedTopic(), intake, buffer,
                    plannedFiles, planLog::catchUp, () -> running, metrics, clock);
            consumer = kafkaConsumer;
            try {
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
            catch (RuntimeException | Error e) {
                // closing the consumer revokes its partitions: that revocation must not flush after a failure
                cycle.fail();
                throw e;
            }
        }
        finally {
            consumer = null;
            planLog.close();
            buffer.clear();
        }
    }

    /** A plan must fit one produce request of the planner's producer, with room for its key and framing. */
    static void checkPlanFitsARequest(long maxPlanBytes, Map<String, Object> producerConfigs) {
        Object configured = producerConfigs.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        long maxRequest = configured == null ? 1024 * 1024 : Long.parseLong(configured.toString().trim());
        if (maxPlanBytes < 1024 || maxPlanBytes > maxRequest - RECORD_OVERHEAD_BYTES) {
            throw new IllegalArgumentException("pipeline.upload.planner.max-plan-size (" + maxPlanBytes
                    + " bytes) must be at least 1 KB and at most the producer's max.request.size (" + maxRequest
                    + " bytes) less " + RECORD_OVERHEAD_BYTES + " bytes for the record's key and framing");
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
