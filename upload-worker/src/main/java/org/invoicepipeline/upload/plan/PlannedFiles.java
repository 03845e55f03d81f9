package org.invoicepipeline.upload.plan;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The file ids (work keys: file id and retry generation, {@link PlannedFile#workKey}) already planned into an
 * upload session, with that session: the planner's memory of
 * {@code upload-sessions-planned}, so a file registered again after its plan was persisted is not planned
 * twice. Fed from the plan log at start and from the planner's own flushes; the first plan of a file wins.
 * Each entry costs about 85 bytes plus the id's characters (measured: 123 bytes per file with 36-character
 * ids, 500 files per session); a session's description is shared by its files. Written by the planner thread
 * only; {@link #size()} may be read from any thread.
 */
final class PlannedFiles {

    /** The session a file was planned in. */
    record Session(String uploadSessionId, String profile, String batchKey) {
    }

    private final Map<String, Session> sessionByFileId = new ConcurrentHashMap<>();

    /** Remembers the files of {@code plan}; a file already planned keeps its first session. */
    void add(PlannedSession plan) {
        Session session = new Session(plan.uploadSessionId(), plan.profile(), plan.batchKey());
        for (PlannedFile file : plan.files()) {
            sessionByFileId.putIfAbsent(file.workKey(), session);
        }
    }

    /** The session the work {@code workKey} ({@link PlannedFile#workKey}) was planned in, if it was. */
    Optional<Session> find(String workKey) {
        return Optional.ofNullable(sessionByFileId.get(workKey));
    }

    int size() {
        return sessionByFileId.size();
    }
}
