package org.invoicepipeline.upload.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.invoicepipeline.common.events.DeadLetteredResults;
import org.invoicepipeline.common.kafka.DeadLetterRecords;
import org.invoicepipeline.common.kafka.KafkaSends;
import org.invoicepipeline.common.kafka.StageFailure;
import org.invoicepipeline.common.kafka.StageNames;
import org.invoicepipeline.events.FileFailure;
import org.invoicepipeline.events.FileRef;
import org.invoicepipeline.events.FileRegistered;
import org.invoicepipeline.events.PartsUploaded;
import org.invoicepipeline.upload.plan.PlannedFile;
import org.invoicepipeline.upload.plan.PlannedSession;
import org.invoicepipeline.upload.plan.RegistrationOrigin;
import org.invoicepipeline.upload.results.FailedResults;
import org.springframework.kafka.core.KafkaOperations;

/**
 * Publishes the outcome of an uploaded session and waits for the broker's acknowledgement, so the planned
 * session's offset is only committed once everything is written: PartsUploaded (completed and failed files),
 * and for each failed file its registration on {@code files-registered.DLT} (see {@link #deadLetter}) and,
 * when configured, a FAILED ExtractionResult.
 */
public class SessionPublisher {

    private final KafkaOperations<Object, Object> events;
    private final String partsUploadedTopic;
    private final String filesRegisteredTopic;
    private final String resultsTopic;
    private final boolean publishFailedResults;
    private final Duration publishTimeout;
    private final Clock clock;

    public SessionPublisher(KafkaOperations<Object, Object> events, String partsUploadedTopic,
                            String filesRegisteredTopic, String resultsTopic, boolean publishFailedResults, Duration publishTimeout,
                            Clock clock) {
        this.events = events;
        this.partsUploadedTopic = partsUploadedTopic;
        this.filesRegisteredTopic = filesRegisteredTopic;
        this.resultsTopic = resultsTopic;
        this.publishFailedResults = publishFailedResults;
        this.publishTimeout = publishTimeout;
        this.clock = clock;
    }

    public void publish(SessionOutcome outcome) {
        PlannedSession session = outcome.session();
        Instant now = clock.instant();
        List<ProducerRecord<Object, Object>> records = new ArrayList<>();
        for (SessionOutcome.FailedFile failed : outcome.failed()) {
            PlannedFile file = failed.file();
            records.add(deadLetter(session, file, failed.failure()));
            if (publishFailedResults) {
                records.add(new ProducerRecord<>(resultsTopic, file.fileId(),
                        FailedResults.uploadFailed(session, file, failed.failure(), now)));
            }
        }
        records.add(new ProducerRecord<>(partsUploadedTopic, session.uploadSessionId(), partsUploaded(outcome, now)));
        KafkaSends.sendAllAndAwait(events, records, publishTimeout);
    }

    static PartsUploaded partsUploaded(SessionOutcome outcome, Instant now) {
        PlannedSession session = outcome.session();
        return PartsUploaded.newBuilder()
                .setUploadSessionId(session.uploadSessionId())
                .setProfile(session.profile())
                .setBatchKey(session.batchKey())
                .setFiles(outcome.completed().stream().map(SessionPublisher::fileRef).toList())
                .setFailedFiles(outcome.failed().stream().map(SessionPublisher::fileFailure).toList())
                .setUploadedAt(now)
                .build();
    }

    static FileRef fileRef(PlannedFile file) {
        return FileRef.newBuilder()
                .setFileId(file.fileId())
                .setApiFileId(file.fileId())
                .setFileName(file.sessionFileName())
                .setOriginalFileName(file.originalFileName())
                .setSourceUri(file.sourceUri())
                .setSizeBytes(file.sizeBytes())
                .setContentType(file.contentType())
                .setRegisteredAt(Instant.ofEpochMilli(file.registeredAt()))
                .setAttributes(file.attributes())
                .setRetryGeneration(file.retryGeneration())
                .build();
    }

    private static FileFailure fileFailure(SessionOutcome.FailedFile failed) {
        PlannedFile file = failed.file();
        return FileFailure.newBuilder()
                .setFileId(file.fileId())
                .setFileName(file.originalFileName())
                .setSourceUri(file.sourceUri())
                .setSizeBytes(file.sizeBytes())
                .setContentType(file.contentType())
                .setRegisteredAt(Instant.ofEpochMilli(file.registeredAt()))
                .setAttributes(file.attributes())
                .setError(DeadLetteredResults.errorInfo(failed.failure()))
                .setRetryGeneration(file.retryGeneration())
                .build();
    }

    /**
     * The file's dead letter on {@code files-registered.DLT}: from a plan that recorded the registration, the same
     * record the planner writes (original key, bytes and headers, {@code kafka_dlt-original-*} coordinates and the
     * {@code x-*} headers); from an older plan, the FileRegistered rebuilt from the plan with the {@code x-*} headers.
     */
    ProducerRecord<Object, Object> deadLetter(PlannedSession session, PlannedFile file, StageFailure failure) {
        RegistrationOrigin origin = file.origin();
        if (origin != null && origin.value() != null) {
            RecordHeaders headers = new RecordHeaders();
            origin.headers().forEach(h -> headers.add(h.name(), h.value()));
            ConsumerRecord<String, byte[]> registration = new ConsumerRecord<>(origin.topic(), origin.partition(),
                    origin.offset(), origin.timestamp(), TimestampType.CREATE_TIME, -1, -1, origin.key(), origin.value(),
                    headers, Optional.empty());
            return DeadLetterRecords.toDeadLetter(registration, origin.key(), origin.value(), StageNames.UPLOAD,
                    failure, 1);
        }
        return new ProducerRecord<>(DeadLetterRecords.topicFor(filesRegisteredTopic), null, keyOf(session, file),
                registration(session, file), DeadLetterRecords.pipelineHeaders(StageNames.UPLOAD, failure, 1));
    }

    /** The FileRegistered the file came from, rebuilt from the plan for its dead letter. */
    private static FileRegistered registration(PlannedSession session, PlannedFile file) {
        return FileRegistered.newBuilder()
                .setFileId(file.fileId())
                .setSourceUri(file.sourceUri())
                .setFileName(file.originalFileName())
                .setSizeBytes(file.sizeBytes())
                .setContentType(file.contentType())
                .setBatchKey(session.batchKey())
                .setProfile(session.profile())
                .setRegisteredAt(Instant.ofEpochMilli(file.registeredAt()))
                .setAttributes(file.attributes())
                .setRetryGeneration(file.retryGeneration())
                .build();
    }

    private static String keyOf(PlannedSession session, PlannedFile file) {
        return session.batchKey() != null ? session.batchKey() : file.fileId();
    }
}
