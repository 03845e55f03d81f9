package org.invoicepipeline.upload.plan;

import java.util.Objects;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.invoicepipeline.common.events.RetryGenerations;
import org.invoicepipeline.events.FileRegistered;
import org.invoicepipeline.upload.UploadMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides that a registration is a file registered again: its file id is already planned (in any session, by
 * any planner, as far as the plan log has been read) or already waits in the buffer. A replay of the file (a
 * higher {@code retry_generation}) is other work: the index is keyed by file id and generation. Such a registration is not
 * bad input: it is counted and logged, not dead-lettered, and the first registration wins even when this one
 * names another profile or batch (logged at WARN then). Checked before validation: the file may be gone by
 * now, which is no reason to dead-letter a file handled once already.
 */
final class DuplicateRegistrations {

    private static final Logger log = LoggerFactory.getLogger(DuplicateRegistrations.class);

    private final PlannedFiles plannedFiles;
    private final SessionBuffer buffer;
    private final UploadMetrics metrics;

    DuplicateRegistrations(PlannedFiles plannedFiles, SessionBuffer buffer, UploadMetrics metrics) {
        this.plannedFiles = plannedFiles;
        this.buffer = buffer;
        this.metrics = metrics;
    }

    /** True when {@code event} registers a file already planned or waiting: the caller skips it. */
    boolean skip(ConsumerRecord<?, ?> record, FileRegistered event) {
        String fileId = RetryGenerations.workKey(event);
        Optional<PlannedFiles.Session> planned = plannedFiles.find(fileId);
        if (planned.isPresent()) {
            PlannedFiles.Session session = planned.get();
            report(record, event, "upload session " + session.uploadSessionId(), session.profile(), session.batchKey());
            return true;
        }
        Optional<SessionBuffer.GroupKey> waiting = buffer.waitingGroupOf(fileId);
        if (waiting.isPresent()) {
            report(record, event, "a session still waiting to be planned", waiting.get().profile(), waiting.get().batchKey());
            return true;
        }
        return false;
    }

    private void report(ConsumerRecord<?, ?> record, FileRegistered event, String where, String profile, String batchKey) {
        metrics.fileDuplicate();
        String eventBatchKey = SessionBuffer.GroupKey.of(event).batchKey();
        if (Objects.equals(event.getProfile(), profile) && Objects.equals(eventBatchKey, batchKey)) {
            log.info("upload stage skips file {} registered again ({}-{}@{}): already in {}", event.getFileId(),
                    record.topic(), record.partition(), record.offset(), where);
        }
        else {
            log.warn("upload stage skips file {} registered again ({}-{}@{}) with profile {} and batch {}: already in {}"
                            + " with profile {} and batch {}; the first registration wins", event.getFileId(),
                    record.topic(), record.partition(), record.offset(), event.getProfile(), eventBatchKey, where,
                    profile, batchKey);
        }
    }
}
