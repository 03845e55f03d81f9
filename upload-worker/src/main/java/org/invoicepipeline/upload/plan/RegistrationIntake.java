package org.invoicepipeline.upload.plan;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.invoicepipeline.common.kafka.DeadLetterRecords;
import org.invoicepipeline.common.kafka.FailureClassifier;
import org.invoicepipeline.common.kafka.RecordRejectedException;
import org.invoicepipeline.common.kafka.StageFailure;
import org.invoicepipeline.common.kafka.StageNames;
import org.invoicepipeline.events.ExtractionResult;
import org.invoicepipeline.events.FileRegistered;
import org.invoicepipeline.upload.UploadMetrics;
import org.invoicepipeline.upload.results.FailedResults;
import org.invoicepipeline.upload.source.SourceUnavailableException;
import org.invoicepipeline.upload.validation.FileValidator;
import org.invoicepipeline.upload.validation.RejectionCodes;
import org.invoicepipeline.upload.validation.ValidatedFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one FileRegistered record in: skipped as a duplicate, buffered as a valid file (with its measured share
 * of a plan and its origin), or rejected, in which case its dead letter (raw bytes) and DEAD_LETTERED result are
 * added to the sends of the next flush. A file whose plan entry cannot fit any plan is rejected as
 * {@code ATTRIBUTES_TOO_LARGE}; its result leaves the attributes out, so the result itself stays small.
 */
final class RegistrationIntake {

    private static final Logger log = LoggerFactory.getLogger(RegistrationIntake.class);

    private final String resultsTopic;
    private final boolean publishFailedResults;
    private final Deserializer<FileRegistered> eventDeserializer;
    private final Serializer<ExtractionResult> resultSerializer;
    private final DuplicateRegistrations duplicates;
    private final FileValidator validator;
    private final SessionBuffer buffer;
    private final PlanBudget budget;
    private final UploadMetrics metrics;
    private final Clock clock;
    private final RegistrationDiversion diversion;

    RegistrationIntake(String resultsTopic, boolean publishFailedResults, Deserializer<FileRegistered> eventDeserializer,
                       Serializer<ExtractionResult> resultSerializer, DuplicateRegistrations duplicates,
                       FileValidator validator, SessionBuffer buffer, PlanBudget budget, UploadMetrics metrics,
                       Clock clock) {
        this(resultsTopic, publishFailedResults, eventDeserializer, resultSerializer, duplicates, validator, buffer,
                budget, metrics, clock, RegistrationDiversion.NONE);
    }

    RegistrationIntake(String resultsTopic, boolean publishFailedResults, Deserializer<FileRegistered> eventDeserializer,
                       Serializer<ExtractionResult> resultSerializer, DuplicateRegistrations duplicates,
                       FileValidator validator, SessionBuffer buffer, PlanBudget budget, UploadMetrics metrics,
                       Clock clock, RegistrationDiversion diversion) {
        this.diversion = diversion;
        this.budget = budget;
        this.resultsTopic = resultsTopic;
        this.publishFailedResults = publishFailedResults;
        this.eventDeserializer = eventDeserializer;
        this.resultSerializer = resultSerializer;
        this.duplicates = duplicates;
        this.validator = validator;
        this.buffer = buffer;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Buffers, skips or rejects {@code record}; a rejection adds its dead letter and result to {@code sends}. */
    void take(ConsumerRecord<String, byte[]> record, List<ProducerRecord<String, byte[]>> sends) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
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
            RegistrationOrigin origin = RegistrationOrigin.of(record);
            long planBytes = budget.entryBytes(SessionPlans.file(valid, event.getFileName(), origin));
            if (!budget.fitsAlone(SessionBuffer.GroupKey.of(event), planBytes)) {
                throw new RecordRejectedException(RejectionCodes.ATTRIBUTES_TOO_LARGE, FileValidator.label(event)
                        + ": its plan entry would be " + planBytes + " bytes (attributes and the registration record"
                        + " of " + record.value().length + " bytes), more than one plan may hold ("
                        + budget.maxPlanBytes() + " bytes, planner.max-plan-size); attributes are left out of"
                        + " this result");
            }
            if (diversion.divert(record, valid, sends)) {
                return;
            }
            buffer.add(new SessionBuffer.Entry(partition, record.offset(), valid, planBytes, origin), clock.millis());
            metrics.fileAccepted();
        }
        catch (RegistrationDiversion.Unavailable e) {
            throw e; // not the file's fault: the planner starts over from the committed offsets
        }
        catch (SourceUnavailableException e) {
            // the store did not answer (throttling, 5xx): not the file's fault; the planner restarts from its
            // committed offsets and validates the registration again
            throw e;
        }
        catch (RuntimeException e) {
            reject(record, event, FailureClassifier.classify(e), sends);
        }
    }

    /**
     * The DEAD_LETTERED result, without the attributes when the file was rejected for them or when they would make
     * the result too large for one record (a result that cannot be written would stop the planner for good).
     */
    private byte[] result(FileRegistered event, StageFailure failure) {
        if (!RejectionCodes.ATTRIBUTES_TOO_LARGE.equals(failure.code())) {
            byte[] full = resultSerializer.serialize(resultsTopic, FailedResults.rejected(event, failure, clock.instant()));
            if (full.length <= budget.maxPlanBytes()) {
                return full;
            }
        }
        FileRegistered withoutAttributes = FileRegistered.newBuilder(event).setAttributes(Map.of()).build();
        return resultSerializer.serialize(resultsTopic, FailedResults.rejected(withoutAttributes, failure, clock.instant()));
    }

    private void reject(ConsumerRecord<String, byte[]> record, FileRegistered event, StageFailure failure,
                        List<ProducerRecord<String, byte[]>> sends) {
        sends.add(DeadLetterRecords.toDeadLetter(record, record.key(), record.value(), StageNames.UPLOAD, failure, 1));
        if (event != null && publishFailedResults) {
            sends.add(new ProducerRecord<>(resultsTopic, event.getFileId(), result(event, failure)));
        }
        metrics.fileRejected(failure.code());
        log.info("upload stage rejected {}-{}@{}: {} {}", record.topic(), record.partition(), record.offset(),
                failure.code(), failure.message());
    }
}
