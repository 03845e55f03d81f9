package org.invoicepipeline.download.store;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where the extraction output files are kept. Keys are deterministic (derived from the extraction id and the
 * format), so storing the same key again replaces the earlier object: a replayed event overwrites, never
 * duplicates. A local directory is the default ({@link LocalDirectoryOutputStore}); {@link S3OutputStore} writes to an
 * S3-compatible bucket.
 */
public interface OutputStore {

    /**
     * Stores {@code content} under {@code key}, replacing any object already there. Readers never see a
     * half-written object.
     *
     * @param key relative, '/'-separated key such as {@code extractions/<extraction_id>/output.json}
     * @return where it was stored, its size and SHA-256
     */
    StoredObject put(String key, InputStream content) throws IOException;

    /**
     * Stores the bytes of {@code file} under {@code key}, as {@link #put(String, InputStream)}; a store that needs the
     * size up front (object storage) reads the file directly.
     */
    default StoredObject put(String key, java.nio.file.Path file) throws IOException {
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            return put(key, in);
        }
    }

    /** Whether an object exists under {@code key}. */
    boolean exists(String key) throws IOException;
}
