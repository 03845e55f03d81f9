package org.invoicepipeline.download.publish;

import org.invoicepipeline.events.ExtractionResult;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes the results of one extraction and returns once the broker has acknowledged every one of them, so
 * the input record is committed only after its results are durable. Records are keyed by file id: every result
 * of a file lands on one partition, and {@code result_id} lets consumers drop a replayed duplicate.
 */
public final class ResultPublisher {

    private final KafkaTemplate<String, ExtractionResult> template;
    private final String topic;
    private final Duration timeout;

    public ResultPublisher(KafkaTemplate<String, ExtractionResult> template, String topic, Duration timeout) {
        this.template = template;
        this.topic = topic;
        this.timeout = timeout;
    }

    public void publishAll(List<ExtractionResult> results) {
        List<CompletableFuture<SendResult<String, ExtractionResult>>> sends = results.stream()
                .map(result -> template.send(topic, result.getFileId(), result))
                .toList();
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing results", e);
        }
        catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Publishing " + results.size() + " results to " + topic + " failed", e);
        }
    }
}
