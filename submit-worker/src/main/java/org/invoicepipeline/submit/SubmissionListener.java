package org.invoicepipeline.submit;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.invoicepipeline.client.model.SubmitExtractionRequest;
import org.invoicepipeline.common.kafka.KafkaSends;
import org.invoicepipeline.common.kafka.RecordRejectedException;
import org.invoicepipeline.common.profile.ExtractionProfiles;
import org.invoicepipeline.common.profile.SubmissionRequests;
import org.invoicepipeline.common.profile.UnknownProfileException;
import org.invoicepipeline.events.ExtractionSubmitted;
import org.invoicepipeline.events.FileRef;
import org.invoicepipeline.events.PartsUploaded;
import org.invoicepipeline.submit.admission.AdmissionGate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaOperations;

/**
 * The submit stage: PartsUploaded in, admission by concurrency and credits, one {@code submitExtraction} (attempt 1) through
 * the shared client, ExtractionSubmitted out (keyed by upload session, acknowledged before the offset is
 * committed). A session whose files all failed to upload has nothing to submit; its files already have
 * FAILED results from the upload stage.
 */
public class SubmissionListener {

    /** Listener container id (unique per application context). */
    public static final String LISTENER_ID = "submit-stage";
    /** Bean name of the stage's container factory. */
    public static final String CONTAINER_FACTORY = "submitContainerFactory";
    /** The first submission of a session's files. */
    static final int FIRST_ATTEMPT = 1;

    private static final Logger log = LoggerFactory.getLogger(SubmissionListener.class);

    private final String inputTopic;
    private final String groupId;
    private final String outputTopic;
    private final Duration publishTimeout;
    private final ExtractionProfiles profiles;
    private final AdmissionGate admission;
    private final ExtractionSubmitter submitter;
    private final KafkaOperations<Object, Object> events;
    private final Clock clock;
    private final Counter submitted;
    private final Counter empty;

    public SubmissionListener(String inputTopic, String groupId, String outputTopic, Duration publishTimeout,
                              ExtractionProfiles profiles,
                              AdmissionGate admission, ExtractionSubmitter submitter,
                              KafkaOperations<Object, Object> events, Clock clock, MeterRegistry registry) {
        this.inputTopic = inputTopic;
        this.groupId = groupId;
        this.outputTopic = outputTopic;
        this.publishTimeout = publishTimeout;
        this.profiles = profiles;
        this.admission = admission;
        this.submitter = submitter;
        this.events = events;
        this.clock = clock;
        this.submitted = Counter.builder("pipeline.submit.extractions.submitted")
                .description("Extractions submitted (or found already submitted on a replay)").register(registry);
        this.empty = Counter.builder("pipeline.submit.sessions.empty")
                .description("Upload sessions without a completed file: nothing to submit").register(registry);
    }

    public String getInputTopic() {
        return inputTopic;
    }

    public String getGroupId() {
        return groupId;
    }

    @KafkaListener(id = LISTENER_ID, topics = "#{__listener.inputTopic}", groupId = "#{__listener.groupId}",
            containerFactory = CONTAINER_FACTORY)
    public void onPartsUploaded(PartsUploaded parts) throws Exception {
        if (parts.getFiles().isEmpty()) {
            empty.increment();
            log.info("session {} has no completed file; nothing to submit", parts.getUploadSessionId());
            return;
        }
        SubmitExtractionRequest request = requestOf(parts);
        admission.admit(parts.getUploadSessionId(), request.fileIds().size());
        String extractionId;
        try {
            extractionId = submitter.submit(request);
        }
        catch (RuntimeException e) {
            admission.notSubmitted();
            throw e;
        }
        KafkaSends.sendAndAwait(events, new ProducerRecord<>(outputTopic, parts.getUploadSessionId(),
                submittedEvent(parts, request, extractionId)), publishTimeout);
        submitted.increment();
        log.info("submitted session {} as {} -> extraction {}", parts.getUploadSessionId(), request.submissionId(),
                extractionId);
    }

    /** The first submission of the session's files; a missing or unusable profile rejects the record. */
    private SubmitExtractionRequest requestOf(PartsUploaded parts) {
        List<String> apiFileIds = parts.getFiles().stream().map(FileRef::getApiFileId).toList();
        try {
            return SubmissionRequests.build(parts.getProfile(), profiles.require(parts.getProfile()),
                    parts.getUploadSessionId(), apiFileIds, FIRST_ATTEMPT);
        }
        catch (UnknownProfileException e) {
            throw new RecordRejectedException(UnknownProfileException.CODE, e.getMessage());
        }
        catch (IllegalStateException e) {
            throw new RecordRejectedException("INVALID_PROFILE", "profile " + parts.getProfile() + ": " + e.getMessage());
        }
    }

    private ExtractionSubmitted submittedEvent(PartsUploaded parts, SubmitExtractionRequest request, String extractionId) {
        return ExtractionSubmitted.newBuilder()
                .setSubmissionId(request.submissionId())
                .setExtractionId(extractionId)
                .setUploadSessionId(parts.getUploadSessionId())
                .setProfile(parts.getProfile())
                .setBatchKey(parts.getBatchKey())
                .setFiles(parts.getFiles())
                .setAttempt(FIRST_ATTEMPT)
                .setSubmittedAt(clock.instant())
                .build();
    }
}
