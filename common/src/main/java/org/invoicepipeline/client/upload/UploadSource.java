package org.invoicepipeline.client.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * The bytes of one file to upload, readable range by range so that a part is read from its source only while
 * it is being sent and the whole file is never held in memory.
 */
public interface UploadSource {

    /** The file name with its extension, as registered in the upload session. */
    String fileName();

    /** The exact size in bytes. */
    long sizeBytes();

    /**
     * A fresh stream of exactly {@code length} bytes starting at {@code offset}. Called again when a part is
     * re-sent, so it must be repeatable.
     */
    InputStream openRange(long offset, long length) throws IOException;

    /** A file on disk, read with positioned reads; its name is the path's file name. */
    static UploadSource ofPath(Path path) throws IOException {
        return new PathUploadSource(path, path.getFileName().toString());
    }

    /** A file on disk registered under another name. */
    static UploadSource ofPath(Path path, String fileName) throws IOException {
        return new PathUploadSource(path, fileName);
    }

    /** Bytes already in memory (small files, tests). */
    static UploadSource ofBytes(String fileName, byte[] bytes) {
        return new ByteArrayUploadSource(fileName, bytes);
    }
}
