package org.invoicepipeline.download.publish;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.invoicepipeline.common.kafka.KafkaSends;
import org.invoicepipeline.events.ExtractionResult;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.util.List;

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
        KafkaSends.sendAllAndAwait(template, results.stream()
                .map(result -> new ProducerRecord<>(topic, result.getFileId(), result)).toList(), timeout);
    }
}
