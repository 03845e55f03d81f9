package org.invoicepipeline.sandbox.upload;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** One upload session of one account: its registered files, in registration order. */
public final class UploadSession {

    private final String id;
    private final Map<String, SessionFile> files;
    private final long partSize;
    private final Instant createdAt;
    private volatile boolean available = true;

    UploadSession(String id, Map<String, SessionFile> files, long partSize, Instant createdAt) {
        this.id = id;
        this.files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
        this.partSize = partSize;
        this.createdAt = createdAt;
    }

    public String id() {
        return id;
    }

    public Collection<SessionFile> files() {
        return files.values();
    }

    public Optional<SessionFile> file(String fileId) {
        return Optional.ofNullable(files.get(fileId));
    }

    public long partSize() {
        return partSize;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** {@code false} once the session has been expired through the control API. */
    public boolean available() {
        return available;
    }

    void expire() {
        available = false;
    }

    /** The number of parts a file of {@code sizeBytes} is split into. */
    public long partCount(long sizeBytes) {
        return Math.max(1, (sizeBytes + partSize - 1) / partSize);
    }
}
