package org.invoicepipeline.upload.plan;

import java.util.ArrayList;
import java.util.List;

import org.invoicepipeline.events.FileRegistered;
import org.invoicepipeline.upload.validation.ValidatedFile;

/** Turns a due group of valid files into the {@link PlannedSession} that will be persisted. */
final class SessionPlans {

    private SessionPlans() {
    }

    static PlannedSession plan(SessionBuffer.Group group, long now) {
        SessionFileNames names = new SessionFileNames();
        List<PlannedFile> files = new ArrayList<>();
        for (SessionBuffer.Entry entry : group.entries) {
            ValidatedFile valid = entry.file();
            files.add(file(valid, names.assign(valid.event().getFileName()), entry.origin()));
        }
        String sessionId = UploadSessionIds.of(group.key.profile(), group.key.batchKey(),
                files.stream().map(PlannedFile::workKey).toList());
        return new PlannedSession(sessionId, group.key.profile(), group.key.batchKey(), now, files);
    }

    /** The plan entry of a valid file under {@code sessionFileName}. */
    static PlannedFile file(ValidatedFile valid, String sessionFileName, RegistrationOrigin origin) {
        FileRegistered event = valid.event();
        String location = valid.source() != null ? valid.source().location()
                : valid.path() != null ? valid.path().toString() : null;
        return new PlannedFile(event.getFileId(), sessionFileName, event.getFileName(), event.getSourceUri(),
                location, valid.sizeBytes(), event.getContentType(), event.getRegisteredAt().toEpochMilli(),
                event.getAttributes(), valid.sha256(), origin,
                valid.source() == null ? null : valid.source().identity(), event.getRetryGeneration());
    }
}
