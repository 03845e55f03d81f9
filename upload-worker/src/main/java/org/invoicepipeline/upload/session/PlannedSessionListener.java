package org.invoicepipeline.upload.session;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.invoicepipeline.upload.UploadMetrics;
import org.invoicepipeline.upload.plan.PlannedSession;
import org.invoicepipeline.upload.plan.PlannedSessionCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Step 2 of the upload stage: a planned session in, the session uploaded through the client, its outcome
 * published. Failures go to the stage's error handler (retry with back-off, pause on back-pressure, dead
 * letter on {@code upload-sessions-planned.DLT}).
 */
public class PlannedSessionListener {

    /** Listener container id (unique per application context). */
    public static final String LISTENER_ID = "upload-session-uploader";

    private static final Logger log = LoggerFactory.getLogger(PlannedSessionListener.class);

    /** Bean name of the container factory reading planned sessions (raw JSON values, read_committed). */
    public static final String PLANNED_SESSION_CONTAINER_FACTORY = "plannedSessionContainerFactory";

    private final PlannedSessionCodec codec = new PlannedSessionCodec();
    private final String topic;
    private final String groupId;
    private final SessionUploader uploader;
    private final SessionPublisher publisher;
    private final UploadMetrics metrics;

    public PlannedSessionListener(String topic, String groupId, SessionUploader uploader, SessionPublisher publisher,
                                  UploadMetrics metrics) {
        this.topic = topic;
        this.groupId = groupId;
        this.uploader = uploader;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    public String getTopic() {
        return topic;
    }

    public String getGroupId() {
        return groupId;
    }

    @KafkaListener(id = LISTENER_ID, topics = "#{__listener.topic}", groupId = "#{__listener.groupId}",
            containerFactory = PLANNED_SESSION_CONTAINER_FACTORY)
    public void onPlannedSession(ConsumerRecord<String, byte[]> record) {
        PlannedSession plan = codec.read(record.value());
        SessionOutcome outcome = uploader.upload(plan);
        publisher.publish(outcome);
        metrics.sessionUploaded(outcome.completed().size(), outcome.failed().size());
        log.info("uploaded session {}: {} file(s) completed, {} failed", plan.uploadSessionId(),
                outcome.completed().size(), outcome.failed().size());
    }
}
