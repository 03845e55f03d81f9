package org.invoicepipeline.local.monitor;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.invoicepipeline.common.kafka.PipelineHeaders;
import org.invoicepipeline.common.serde.EventDeserializer;
import org.invoicepipeline.events.ExtractionCompleted;
import org.invoicepipeline.events.ExtractionOutcome;
import org.invoicepipeline.events.ExtractionQuestionsAsked;
import org.invoicepipeline.events.ExtractionResult;
import org.invoicepipeline.events.ExtractionSubmitted;
import org.invoicepipeline.events.PartsUploaded;
import org.invoicepipeline.local.run.PipelineTopics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Follows every topic of the pipeline (dead-letter topics included) from the moment it starts and counts how far
 * each registered file got. A file is done when it has an ExtractionResult or a dead letter names it. Events of
 * files not registered in this run (an external Kafka with history) are ignored.
 */
public final class PipelineMonitor implements AutoCloseable {

    private static final class FileState {
        boolean uploaded;
        boolean submitted;
        boolean completed;
        final List<ExtractionResult> results = new ArrayList<>();
        final List<String> deadLetterCodes = new ArrayList<>();
        DeadLetterNote deadLetter;
        String extractionId;
    }

    /** How often the monitor looks for partitions added to the topics. */
    private static final Duration REFRESH = Duration.ofSeconds(2);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final EventDeserializer<SpecificRecord> events = new EventDeserializer<>();
    private final Thread thread;
    private final Map<String, FileState> files = new LinkedHashMap<>();
    private final Map<String, Long> creditsByExtraction = new HashMap<>();
    private final Map<String, Integer> deadLettersByCode = new TreeMap<>();
    private final Set<String> expected = new HashSet<>();
    /** Distinct question sets (extraction id + question ids) of this run's files; a replayed set counts once. */
    private final Set<String> questionSets = new HashSet<>();
    /** Extractions of this run's files that have not ended yet, with their files (latest attempt wins). */
    private final Map<String, List<String>> extractionsInFlight = new LinkedHashMap<>();
    /** Pages the ended extractions of this run's files processed (successful + failed), by extraction id. */
    private final Map<String, Integer> pagesByEndedExtraction = new HashMap<>();
    private volatile boolean running = true;

    public PipelineMonitor(String bootstrapServers) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.events.configure(Map.of(), false);
        List<TopicPartition> partitions = currentPartitions();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        this.thread = new Thread(this::run, "pipeline-monitor");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Files registered in this run; only they are counted. */
    public synchronized void expect(Collection<String> fileIds) {
        expected.addAll(fileIds);
        fileIds.forEach(id -> files.computeIfAbsent(id, k -> new FileState()));
    }

    public synchronized PipelineProgress progress() {
        int uploaded = 0;
        int submitted = 0;
        int completed = 0;
        int withResult = 0;
        int deadLettered = 0;
        int done = 0;
        Map<String, Integer> byStatus = new TreeMap<>();
        for (FileState state : files.values()) {
            uploaded += state.uploaded ? 1 : 0;
            submitted += state.submitted ? 1 : 0;
            completed += state.completed ? 1 : 0;
            if (!state.results.isEmpty()) {
                withResult++;
                byStatus.merge(state.results.get(state.results.size() - 1).getStatus().name(), 1, Integer::sum);
            }
            deadLettered += state.deadLetterCodes.isEmpty() ? 0 : 1;
            done += !state.results.isEmpty() || !state.deadLetterCodes.isEmpty() ? 1 : 0;
        }
        long credits = creditsByExtraction.values().stream().mapToLong(Long::longValue).sum();
        return new PipelineProgress(files.size(), uploaded, submitted, completed, withResult, deadLettered, done,
                byStatus, Map.copyOf(deadLettersByCode), creditsByExtraction.size(), credits, questionSets.size());
    }

    /** Every result record seen per file id (replays included), for checks. */
    public synchronized Map<String, List<ExtractionResult>> results() {
        Map<String, List<ExtractionResult>> copy = new LinkedHashMap<>();
        files.forEach((id, state) -> copy.put(id, List.copyOf(state.results)));
        return copy;
    }

    /** Where every file of this run is, in registration order. */
    public synchronized List<FileProgress> files() {
        List<FileProgress> list = new ArrayList<>(files.size());
        files.forEach((id, state) -> list.add(new FileProgress(id, state.uploaded, state.submitted, state.completed,
                state.results.isEmpty() ? null : state.results.get(state.results.size() - 1), state.deadLetter,
                state.extractionId)));
        return list;
    }

    /** Extraction ids of this run's files that have not ended yet, each with the file ids it extracts. */
    public synchronized Map<String, List<String>> extractionsInFlight() {
        return new LinkedHashMap<>(extractionsInFlight);
    }

    /** Pages processed by the extractions of this run that ended (from their {@code pages} counts). */
    public synchronized Map<String, Integer> pagesByEndedExtraction() {
        return new HashMap<>(pagesByEndedExtraction);
    }

    /** Dead-letter codes per file id. */
    public synchronized Map<String, List<String>> deadLetters() {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        files.forEach((id, state) -> {
            if (!state.deadLetterCodes.isEmpty()) {
                copy.put(id, List.copyOf(state.deadLetterCodes));
            }
        });
        return copy;
    }

    private void run() {
        long nextRefresh = System.nanoTime() + REFRESH.toNanos();
        try {
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    handle(record);
                }
                if (System.nanoTime() > nextRefresh) {
                    followNewPartitions();
                    nextRefresh = System.nanoTime() + REFRESH.toNanos();
                }
            }
        }
        catch (WakeupException stopping) {
            // closing
        }
        finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private List<TopicPartition> currentPartitions() {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : PipelineTopics.all()) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        return partitions;
    }

    /** A worker may add partitions to a topic after the start: read those from their beginning. */
    private void followNewPartitions() {
        List<TopicPartition> all = currentPartitions();
        List<TopicPartition> added = all.stream().filter(p -> !consumer.assignment().contains(p)).toList();
        if (!added.isEmpty()) {
            consumer.assign(all);
            consumer.seekToBeginning(added);
        }
    }

    private synchronized void handle(ConsumerRecord<byte[], byte[]> record) {
        String topic = record.topic();
        SpecificRecord event = decode(record);
        if (topic.equals(PipelineTopics.EXTRACTION_QUESTIONS)) {
            if (event instanceof ExtractionQuestionsAsked asked
                    && asked.getFiles().stream().anyMatch(f -> expected.contains(f.getFileId()))) {
                questionSets.add(asked.getExtractionId() + ":" + asked.getQuestions().stream()
                        .map(q -> q.getQuestionId() + (q.getPreviousAnswerRejected() ? "!" : ""))
                        .sorted().toList());
            }
            return;
        }
        if (topic.endsWith(".DLT")) {
            String code = PipelineHeaders.lastValue(record.headers(), PipelineHeaders.ERROR_CODE).orElse("UNKNOWN");
            List<String> named = event == null ? List.of() : EventFileIds.of(event);
            if (named.stream().anyMatch(expected::contains) || (event == null && !expected.isEmpty())) {
                deadLettersByCode.merge(code, 1, Integer::sum);
            }
            DeadLetterNote note = new DeadLetterNote(code,
                    PipelineHeaders.lastValue(record.headers(), PipelineHeaders.ERROR_MESSAGE).orElse(""),
                    PipelineHeaders.lastValue(record.headers(), PipelineHeaders.STAGE).orElse(""), topic);
            named.stream().filter(expected::contains).forEach(id -> {
                files.get(id).deadLetterCodes.add(code);
                files.get(id).deadLetter = note;
            });
            return;
        }
        if (event instanceof PartsUploaded parts) {
            parts.getFiles().forEach(f -> state(f.getFileId(), s -> s.uploaded = true));
        }
        else if (event instanceof ExtractionSubmitted submitted) {
            submitted.getFiles().forEach(f -> state(f.getFileId(), s -> {
                s.submitted = true;
                s.extractionId = submitted.getExtractionId();
            }));
            List<String> ours = submitted.getFiles().stream().map(f -> f.getFileId()).filter(expected::contains).toList();
            if (!ours.isEmpty() && !pagesByEndedExtraction.containsKey(submitted.getExtractionId())) {
                extractionsInFlight.put(submitted.getExtractionId(), ours);
            }
        }
        else if (event instanceof ExtractionCompleted completed) {
            boolean ours = completed.getFiles().stream().anyMatch(f -> expected.contains(f.getFileId()));
            if (ours && completed.getExtractionId() != null && completed.getStatus() != ExtractionOutcome.FAILED) {
                creditsByExtraction.put(completed.getExtractionId(),
                        completed.getCreditsDeducted() == null ? 0L : completed.getCreditsDeducted());
            }
            else if (ours && completed.getExtractionId() != null) {
                creditsByExtraction.putIfAbsent(completed.getExtractionId(), 0L);
            }
            completed.getFiles().forEach(f -> state(f.getFileId(), s -> s.completed = true));
            if (ours && completed.getExtractionId() != null) {
                extractionsInFlight.remove(completed.getExtractionId());
                pagesByEndedExtraction.put(completed.getExtractionId(), completed.getPages() == null ? 0
                        : completed.getPages().getSuccessfulCount() + completed.getPages().getFailedCount());
            }
        }
        else if (event instanceof ExtractionResult result) {
            state(result.getFileId(), s -> s.results.add(result));
        }
    }

    private void state(String fileId, java.util.function.Consumer<FileState> update) {
        if (expected.contains(fileId)) {
            update.accept(files.get(fileId));
        }
    }

    private SpecificRecord decode(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return null;
        }
        try {
            return events.deserialize(record.topic(), record.value());
        }
        catch (RuntimeException notAnEvent) {
            return null;
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5_000);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
