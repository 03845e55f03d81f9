package org.invoicepipeline.upload.source;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * Where registered files are read from, one implementation per kind of URI (the upload stage's counterpart of the
 * download stage's {@code OutputStore}): local files ({@link LocalFileSourceStore}, the default) and S3-compatible
 * object storage ({@link S3SourceStore}). Validation resolves a source once; the uploader reads exactly what was
 * resolved, range by range, and fails with {@code SOURCE_CHANGED} when the source is no longer that content.
 * <p>
 * Failures a store reports: {@code RecordRejectedException} at resolution with {@code INVALID_SOURCE_URI},
 * {@code SOURCE_NOT_ALLOWED}, {@code SOURCE_UNREADABLE} or {@code SOURCE_ACCESS_DENIED}; when reading, a
 * {@link SourceChangedException}, a {@link java.nio.file.NoSuchFileException} (gone), a
 * {@link SourceAccessDeniedException}, or another {@link IOException} / {@link SourceUnavailableException} for a
 * failure worth retrying (throttling, 5xx, network).
 */
public interface SourceStore {

    /** The URI schemes this store reads, lower case. */
    Set<String> schemes();

    /** The source {@code uri} names, with its size and identity now. */
    SourceObject resolve(URI uri);

    /**
     * What differs between the source now and {@code source} as resolved (its size, its identity where that is
     * exact), or empty when it is the same.
     */
    Optional<String> change(SourceObject source) throws IOException;

    /**
     * A fresh stream of exactly {@code length} bytes from {@code offset} of {@code source} as resolved; a store that
     * can tell fails it with {@link SourceChangedException} when the content is no longer the one resolved.
     */
    InputStream openRange(SourceObject source, long offset, long length) throws IOException;

    /**
     * A local file with the source's bytes, for readers that need random access (a PDF is opened through its
     * cross-reference table): the file itself for local sources, a temporary copy (deleted on close) otherwise.
     */
    LocalCopy localCopy(SourceObject source) throws IOException;
}
