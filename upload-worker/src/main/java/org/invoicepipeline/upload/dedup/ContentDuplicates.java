package org.invoicepipeline.upload.dedup;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.invoicepipeline.events.FileRegistered;
import org.invoicepipeline.upload.plan.RegistrationDiversion;
import org.invoicepipeline.upload.validation.ValidatedFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The planner's content de-duplication (plugged in as its {@link RegistrationDiversion}): a validated file whose
 * content (profile + the SHA-256 validation computed) is indexed with another first file in flight or extracted
 * is not buffered for upload; its {@link WaitingDuplicate} goes to the duplicates topic in the planner's next
 * transaction, with the registration's offset, and the resolver answers it. A file taken as first is indexed at
 * once in memory (so a copy in the same poll is caught) and on the index topic in the same transaction.
 * The index is read from its compacted topic before the first decision and again at most every
 * {@code refreshInterval}, so the resolver's updates (a first's result) and other planners' firsts show up.
 */
public final class ContentDuplicates implements RegistrationDiversion, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ContentDuplicates.class);

    private final Predicate<String> appliesToProfile;
    private final String indexTopic;
    private final String duplicatesTopic;
    private final CompactedTopicReader reader;
    private final Duration refreshInterval;
    private final DedupMetrics metrics;
    private final Clock clock;
    private final Map<String, IndexedContent> index = new ConcurrentHashMap<>();
    private long lastRefresh = Long.MIN_VALUE;

    public ContentDuplicates(Predicate<String> appliesToProfile, String indexTopic, String duplicatesTopic,
                             Map<String, Object> consumerConfigs, Duration pollTimeout, Duration refreshInterval,
                             DedupMetrics metrics, Clock clock) {
        this.appliesToProfile = appliesToProfile;
        this.indexTopic = indexTopic;
        this.duplicatesTopic = duplicatesTopic;
        this.refreshInterval = refreshInterval;
        this.metrics = metrics;
        this.clock = clock;
        this.reader = new CompactedTopicReader(List.of(indexTopic), consumerConfigs, pollTimeout, this::apply);
    }

    /** As above, reading the index through consumers from {@code consumers} (tests pass a mock). */
    ContentDuplicates(Predicate<String> appliesToProfile, String indexTopic, String duplicatesTopic,
                      Duration refreshInterval, DedupMetrics metrics, Clock clock,
                      java.util.function.Function<Map<String, Object>,
                              org.apache.kafka.clients.consumer.Consumer<String, byte[]>> consumers) {
        this.appliesToProfile = appliesToProfile;
        this.indexTopic = indexTopic;
        this.duplicatesTopic = duplicatesTopic;
        this.refreshInterval = refreshInterval;
        this.metrics = metrics;
        this.clock = clock;
        this.reader = new CompactedTopicReader(List.of(indexTopic), Map.of(), Duration.ofMillis(10), this::apply,
                consumers);
    }

    @Override
    public boolean divert(ConsumerRecord<String, byte[]> record, ValidatedFile file,
                          List<ProducerRecord<String, byte[]>> sends) {
        FileRegistered event = file.event();
        if (file.sha256() == null || !appliesToProfile.test(event.getProfile())) {
            return false;
        }
        refresh();
        String key = ContentKeys.of(event.getProfile(), file.sha256());
        IndexedContent indexed = index.get(key);
        if (ContentDecision.of(event.getFileId(), indexed) == ContentDecision.FIRST) {
            if (indexed == null || !indexed.firstFileId().equals(event.getFileId())) {
                IndexedContent first = IndexedContent.inFlight(event.getFileId());
                index.put(key, first);
                sends.add(new ProducerRecord<>(indexTopic, key, DedupRecords.write(first)));
            }
            return false;
        }
        WaitingDuplicate duplicate = new WaitingDuplicate(event.getFileId(), indexed.firstFileId(), key,
                event.getFileName(), event.getSourceUri(), event.getProfile(), event.getBatchKey(),
                event.getRegisteredAt().toEpochMilli(), event.getAttributes());
        sends.add(new ProducerRecord<>(duplicatesTopic, event.getFileId(), DedupRecords.write(duplicate)));
        metrics.duplicateTaken();
        log.info("upload stage does not upload file {} '{}' ({}-{}@{}): same content as file {} (profile {}); it gets"
                        + " that file's result", event.getFileId(), event.getFileName(), record.topic(),
                record.partition(), record.offset(), indexed.firstFileId(), event.getProfile());
        return true;
    }

    private void refresh() {
        long now = clock.millis();
        if (lastRefresh == Long.MIN_VALUE || now - lastRefresh >= refreshInterval.toMillis()) {
            try {
                reader.catchUp();
            }
            catch (RuntimeException e) {
                reader.close(); // the next life reads it again from the beginning
                index.clear();
                lastRefresh = Long.MIN_VALUE;
                throw new Unavailable("content index " + indexTopic + " cannot be read: " + e, e);
            }
            lastRefresh = now;
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            index.remove(record.key());
            return;
        }
        try {
            IndexedContent read = DedupRecords.readIndexed(record.value());
            // the planner needs the first and its status only; the result itself stays on the topic
            index.put(record.key(), new IndexedContent(read.firstFileId(), read.firstStatus(), null));
        }
        catch (IllegalArgumentException e) {
            log.warn("content index record {}-{}@{} skipped: {}", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
        }
    }

    /** Contents indexed (gauge). */
    public int size() {
        return index.size();
    }

    @Override
    public void close() {
        reader.close();
    }
}
