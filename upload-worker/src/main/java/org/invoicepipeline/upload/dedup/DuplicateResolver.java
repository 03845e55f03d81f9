package org.invoicepipeline.upload.dedup;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.invoicepipeline.events.ExtractionResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Answers the duplicates: reads {@code extraction-results} (its own consumer group) and, when a first file's
 * result arrives, records it in the content index and publishes one result per duplicate waiting for it
 * ({@link DuplicateResults}), then removes those from the duplicates topic (tombstones). A duplicate taken in after
 * its first's result is answered as soon as the resolver reads it.
 * <p>
 * State: the two compacted topics, read whole at start and caught up after every poll of the results (so a
 * duplicate or a first indexed before a result was written is known when that result is handled). The results
 * offsets are committed after everything a poll caused is acknowledged: a crash republishes the same
 * deterministic result ids, never loses one. With several instances, each answers the duplicates whose first's
 * result partition it consumes (the results are keyed by file id). Any failure starts the resolver over.
 */
public final class DuplicateResolver implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DuplicateResolver.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    /** Topics and group of the resolver. */
    public record Settings(String resultsTopic, String indexTopic, String duplicatesTopic, String groupId,
                           Duration pollTimeout) {
    }

    private final Settings settings;
    private final Map<String, Object> consumerConfigs;
    private final Map<String, Object> producerConfigs;
    private final Serializer<ExtractionResult> resultSerializer;
    private final Deserializer<ExtractionResult> resultDeserializer;
    private final DedupMetrics metrics;
    private final Clock clock;

    // state, resolver thread only
    private final Map<String, IndexedContent> index = new HashMap<>();
    private final Map<String, String> contentKeyByFirst = new HashMap<>();
    private final Map<String, byte[]> resultByFirst = new HashMap<>();
    private final Map<String, WaitingDuplicate> waiting = new HashMap<>();

    private volatile boolean running;
    private volatile Thread thread;
    private volatile KafkaConsumer<String, byte[]> resultsConsumer;

    public DuplicateResolver(Settings settings, Map<String, Object> consumerConfigs, Map<String, Object> producerConfigs,
                             Serializer<ExtractionResult> resultSerializer,
                             Deserializer<ExtractionResult> resultDeserializer, DedupMetrics metrics, Clock clock) {
        this.settings = settings;
        this.consumerConfigs = consumerConfigs;
        this.producerConfigs = producerConfigs;
        this.resultSerializer = resultSerializer;
        this.resultDeserializer = resultDeserializer;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        Thread worker = new Thread(this::run, "upload-dedup-resolver");
        worker.setDaemon(true);
        thread = worker;
        worker.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        KafkaConsumer<String, byte[]> consumer = resultsConsumer;
        if (consumer != null) {
            consumer.wakeup();
        }
        Thread worker = thread;
        if (worker != null) {
            try {
                worker.join(Duration.ofSeconds(30).toMillis());
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
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
                if (running) {
                    log.warn("duplicate resolver starts over after: {}", e.toString());
                    metrics.resolverRestarted();
                    sleepQuietly(Duration.ofSeconds(1));
                }
            }
        }
    }

    private void runClients() {
        clearState();
        try (CompactedTopicReader state = new CompactedTopicReader(
                List.of(settings.indexTopic(), settings.duplicatesTopic()), consumerConfigs, settings.pollTimeout(),
                this::applyState);
             KafkaConsumer<String, byte[]> results = new KafkaConsumer<>(resultsConsumerConfigs());
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfigs())) {
            resultsConsumer = results;
            if (!running) {
                return;
            }
            state.catchUp();
            int partitions = results.partitionsFor(settings.resultsTopic()).size();
            results.subscribe(List.of(settings.resultsTopic()));
            log.info("duplicate resolver started: {} content(s) indexed, {} duplicate(s) waiting", index.size(),
                    waiting.size());
            while (running) {
                ConsumerRecords<String, byte[]> polled = results.poll(settings.pollTimeout());
                state.catchUp();
                awaitAll(handle(polled, results.assignment(), partitions, producer));
                if (!polled.isEmpty()) {
                    results.commitSync();
                }
            }
        }
        finally {
            resultsConsumer = null;
        }
    }

    /**
     * One poll's work, once the state is caught up: the results read, then every duplicate that can be answered.
     * Returns the sends to await before the results offsets are committed.
     */
    List<Future<RecordMetadata>> handle(Iterable<ConsumerRecord<String, byte[]>> polled, Set<TopicPartition> assignment,
                                        int partitions, Producer<String, byte[]> producer) {
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : polled) {
            onResult(record, producer, sends);
        }
        resolveReady(assignment, partitions, producer, sends);
        return sends;
    }

    /** A first file's result: recorded in the index (the first terminal one wins), for its duplicates. */
    private void onResult(ConsumerRecord<String, byte[]> record, Producer<String, byte[]> producer,
                          List<Future<RecordMetadata>> sends) {
        if (record.value() == null) {
            return;
        }
        String fileId = record.key();
        String contentKey = fileId == null ? null : contentKeyByFirst.get(fileId);
        IndexedContent indexed = contentKey == null ? null : index.get(contentKey);
        if (indexed == null || !indexed.firstFileId().equals(fileId) || indexed.firstStatus() != null) {
            return; // not a first in flight (most results): nothing waits for it here
        }
        ExtractionResult result;
        try {
            result = resultDeserializer.deserialize(record.topic(), record.headers(), record.value());
        }
        catch (RuntimeException e) {
            log.warn("result {}-{}@{} of first file {} cannot be read; its duplicates keep waiting: {}", record.topic(),
                    record.partition(), record.offset(), fileId, e.toString());
            return;
        }
        if (result.getDuplicateOf() != null || !fileId.equals(result.getFileId())) {
            return;
        }
        IndexedContent done = new IndexedContent(fileId, result.getStatus(), record.value());
        sends.add(producer.send(new ProducerRecord<>(settings.indexTopic(), contentKey, DedupRecords.write(done))));
        applyIndexed(contentKey, done);
        log.info("first file {} ended {}: its duplicates get this result", fileId, result.getStatus());
    }

    /** Publishes the result of every waiting duplicate whose first's result is known, where this instance owns it. */
    private void resolveReady(Set<TopicPartition> assignment, int partitions, Producer<String, byte[]> producer,
                              List<Future<RecordMetadata>> sends) {
        Iterator<WaitingDuplicate> it = waiting.values().iterator();
        while (it.hasNext()) {
            WaitingDuplicate duplicate = it.next();
            byte[] firstResult = resultByFirst.get(duplicate.firstFileId());
            if (firstResult == null || !assignment.contains(resultPartitionOf(duplicate.firstFileId(), partitions))) {
                continue;
            }
            ExtractionResult first = resultDeserializer.deserialize(settings.resultsTopic(), firstResult);
            ExtractionResult result = DuplicateResults.of(duplicate, first, clock.instant());
            sends.add(producer.send(new ProducerRecord<>(settings.resultsTopic(), duplicate.fileId(),
                    resultSerializer.serialize(settings.resultsTopic(), result))));
            sends.add(producer.send(new ProducerRecord<>(settings.duplicatesTopic(), duplicate.fileId(), null)));
            it.remove();
            metrics.duplicateResolved(result.getStatus());
            log.info("file {} (duplicate of {}) ended {} with its first file's result", duplicate.fileId(),
                    duplicate.firstFileId(), result.getStatus());
        }
    }

    private TopicPartition resultPartitionOf(String fileId, int partitions) {
        // the producers' default partitioner for a String key
        int partition = Utils.toPositive(Utils.murmur2(fileId.getBytes(StandardCharsets.UTF_8))) % partitions;
        return new TopicPartition(settings.resultsTopic(), partition);
    }

    /** A record of the index or duplicates topic, read by the state reader. */
    void applyState(ConsumerRecord<String, byte[]> record) {
        try {
            if (record.topic().equals(settings.indexTopic())) {
                if (record.value() == null) {
                    index.remove(record.key());
                }
                else {
                    applyIndexed(record.key(), DedupRecords.readIndexed(record.value()));
                }
            }
            else if (record.value() == null) {
                waiting.remove(record.key());
            }
            else {
                WaitingDuplicate duplicate = DedupRecords.readWaiting(record.value());
                waiting.put(duplicate.fileId(), duplicate);
            }
        }
        catch (IllegalArgumentException e) {
            log.warn("de-duplication record {}-{}@{} skipped: {}", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
        }
    }

    private void applyIndexed(String contentKey, IndexedContent content) {
        IndexedContent known = index.get(contentKey);
        if (known != null && known.firstFileId().equals(content.firstFileId()) && known.firstStatus() != null
                && content.firstStatus() == null) {
            return; // a late copy of the in-flight entry does not undo a known result
        }
        index.put(contentKey, content);
        contentKeyByFirst.put(content.firstFileId(), contentKey);
        if (content.firstResult() != null) {
            resultByFirst.put(content.firstFileId(), content.firstResult());
        }
    }

    private void clearState() {
        index.clear();
        contentKeyByFirst.clear();
        resultByFirst.clear();
        waiting.clear();
    }

    private static void awaitAll(List<Future<RecordMetadata>> sends) {
        try {
            for (Future<RecordMetadata> send : sends) {
                send.get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        }
        catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not acknowledge the duplicates' records: " + e, e);
        }
    }

    private Map<String, Object> resultsConsumerConfigs() {
        Map<String, Object> props = new HashMap<>(consumerConfigs);
        props.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "upload-dedup-results-" + UUID.randomUUID());
        return props;
    }

    private Map<String, Object> producerConfigs() {
        Map<String, Object> props = new HashMap<>(producerConfigs);
        props.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "upload-dedup-" + UUID.randomUUID());
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
