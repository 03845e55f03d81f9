package org.invoicepipeline.common.kafka;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.invoicepipeline.events.ExtractionResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;

/**
 * Publishes the {@code DEAD_LETTERED} results of a record the error handler gives up on, and waits for the broker:
 * a failure to publish them fails the recovery, so the record is delivered again rather than committed without
 * its files' results.
 */
final class DeadLetterResultsPublisher {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterResultsPublisher.class);

    private final String stage;
    private final String resultsTopic;
    private final DeadLetterResults results;
    private final KafkaOperations<Object, Object> template;
    private final Duration timeout;

    @SuppressWarnings("unchecked")
    DeadLetterResultsPublisher(String stage, String resultsTopic, DeadLetterResults results,
                               KafkaOperations<?, ?> template, Duration timeout) {
        this.stage = stage;
        this.resultsTopic = resultsTopic;
        this.results = results;
        this.template = (KafkaOperations<Object, Object>) template;
        this.timeout = timeout;
    }

    /** Publishes and returns the record's {@code DEAD_LETTERED} results (none when it names no files). */
    List<ExtractionResult> publish(ConsumerRecord<?, ?> record, StageFailure failure) {
        List<ExtractionResult> toPublish;
        try {
            toPublish = results.resultsFor(record, failure);
        }
        catch (RuntimeException e) {
            // The record cannot be read as the stage's event (undecodable bytes): it names no file we could report.
            log.warn("{} stage cannot name the files of dead-lettered {}-{}@{}: {}", stage, record.topic(),
                    record.partition(), record.offset(), e.toString());
            return List.of();
        }
        if (toPublish.isEmpty()) {
            return toPublish;
        }
        List<CompletableFuture<?>> sends = toPublish.stream()
                .<CompletableFuture<?>>map(result -> template.send(resultsTopic, result.getFileId(), result))
                .toList();
        KafkaSends.awaitAll(sends, timeout, "publishing the DEAD_LETTERED results of " + record.topic() + "-"
                + record.partition() + "@" + record.offset());
        log.info("{} stage published {} DEAD_LETTERED result(s) for {}-{}@{} ({})", stage, toPublish.size(),
                record.topic(), record.partition(), record.offset(), failure.code());
        return toPublish;
    }
}
