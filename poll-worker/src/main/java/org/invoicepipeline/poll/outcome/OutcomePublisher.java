package org.invoicepipeline.poll.outcome;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.invoicepipeline.common.events.EventKeys;
import org.invoicepipeline.common.kafka.DeadLetterRecords;
import org.invoicepipeline.common.kafka.KafkaSends;
import org.invoicepipeline.common.kafka.StageFailure;
import org.invoicepipeline.common.kafka.StageNames;
import org.invoicepipeline.events.ExtractionCompleted;
import org.invoicepipeline.events.ExtractionOutcome;
import org.invoicepipeline.events.ExtractionQuestionsAsked;
import org.invoicepipeline.events.ExtractionSubmitted;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;

/**
 * Everything the poll stage writes, each send awaited before the input record may be committed: completed
 * extractions, resubmissions (back to the input topic), questions, and dead letters.
 */
public final class OutcomePublisher {

    private final KafkaTemplate<Object, Object> template;
    private final String extractionSubmittedTopic;
    private final String extractionCompletedTopic;
    private final String extractionQuestionsTopic;
    private final Duration timeout;

    /**
     * @param extractionSubmittedTopic the input topic, where resubmissions go (dead letters to its {@code .DLT})
     * @param timeout                  longest wait for the broker's acknowledgement of one send
     */
    public OutcomePublisher(KafkaTemplate<Object, Object> template, String extractionSubmittedTopic,
                            String extractionCompletedTopic, String extractionQuestionsTopic, Duration timeout) {
        this.template = template;
        this.extractionSubmittedTopic = extractionSubmittedTopic;
        this.extractionCompletedTopic = extractionCompletedTopic;
        this.extractionQuestionsTopic = extractionQuestionsTopic;
        this.timeout = timeout;
    }

    public void completed(ExtractionCompleted event) {
        send(new ProducerRecord<>(extractionCompletedTopic, event.getUploadSessionId(), event));
    }

    /** The next attempt, published to the input topic so it is waited for (and survives restarts) like any other. */
    public void resubmitted(ExtractionSubmitted event) {
        send(new ProducerRecord<>(extractionSubmittedTopic, event.getUploadSessionId(), event));
    }

    /** Keyed by extraction id: the latest record of a key is that extraction's current set of open questions. */
    public void questions(ExtractionQuestionsAsked questions) {
        send(new ProducerRecord<>(extractionQuestionsTopic, EventKeys.of(questions), questions));
    }

    /**
     * Gives up on an extraction: first the FAILED {@code ExtractionCompleted} naming every file of the record (the
     * download stage turns it into one FAILED result per file, {@code result_id} {@code <file_id>/<submission_id>}),
     * then the announcing record to {@code <input>.DLT} with the pipeline's error headers. The stage's own dead
     * letters go only through here, so none leaves a file without a result; they publish no DEAD_LETTERED result
     * themselves, which would give the same file a second terminal result.
     */
    public void giveUp(ExtractionCompleted failed, ConsumerRecord<String, ExtractionSubmitted> record,
                       StageFailure failure, int attempts) {
        if (failed.getStatus() != ExtractionOutcome.FAILED || !failed.getFiles().equals(record.value().getFiles())) {
            throw new IllegalArgumentException("giving up needs a FAILED completion of every file of the record");
        }
        completed(failed);
        ProducerRecord<Object, Object> deadLetter =
                DeadLetterRecords.toDeadLetter(record, record.key(), record.value(), StageNames.POLL, failure, attempts);
        send(deadLetter);
    }

    private void send(ProducerRecord<Object, Object> record) {
        KafkaSends.sendAndAwait(template, record, timeout);
    }
}
