package org.invoicepipeline.sandbox.upload;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One file registered in an upload session, with its uploaded parts and, once complete, its bytes. */
public final class SessionFile {

    /** One uploaded part: its bytes and its quoted ETag (the MD5 of the bytes, as S3 answers it). */
    public record StoredPart(byte[] bytes, String etag) {
    }

    private final String fileId;
    private final String fileName;
    private final long declaredSizeBytes;
    private final Map<Integer, StoredPart> parts = new ConcurrentHashMap<>();
    private volatile FileState state = FileState.UPLOADING;
    private volatile byte[] content;

    SessionFile(String fileId, String fileName, long declaredSizeBytes) {
        this.fileId = fileId;
        this.fileName = fileName;
        this.declaredSizeBytes = declaredSizeBytes;
    }

    public String fileId() {
        return fileId;
    }

    public String fileName() {
        return fileName;
    }

    public long declaredSizeBytes() {
        return declaredSizeBytes;
    }

    public FileState state() {
        return state;
    }

    /** The assembled bytes of a completed file. */
    public byte[] content() {
        return content;
    }

    Map<Integer, StoredPart> parts() {
        return parts;
    }

    synchronized void complete(byte[] assembled) {
        this.content = assembled;
        this.state = FileState.COMPLETED;
        parts.replaceAll((number, part) -> new StoredPart(new byte[0], part.etag()));
    }

    synchronized void abort() {
        if (state == FileState.UPLOADING) {
            state = FileState.ABORTED;
            parts.clear();
        }
    }

    boolean sameRegistration(String otherName, long otherSize) {
        return fileName.equals(otherName) && declaredSizeBytes == otherSize;
    }
}
