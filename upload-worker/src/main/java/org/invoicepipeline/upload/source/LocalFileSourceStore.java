package org.invoicepipeline.upload.source;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.invoicepipeline.client.upload.SingleByteRead;
import org.invoicepipeline.common.kafka.RecordRejectedException;
import org.invoicepipeline.upload.validation.RejectionCodes;

/**
 * {@code file:} sources on a disk the worker sees (the default store). A source must stay inside an allowed root
 * both as written (no {@code ..} escape) and after following links (no symlink escape); the plan records the real
 * path, so the uploader reads the file validated. Identity is {@code size=...;mtime=...}, recorded for the record
 * only: an mtime also changes when identical bytes are written again, so the uploader's SHA-256 of what it sends,
 * compared with the digest taken at validation, decides whether the content changed (and {@link #change} compares
 * the size).
 */
public final class LocalFileSourceStore implements SourceStore {

    private final List<Path> allowedRoots;

    /** @param allowedRoots directories sources must resolve into; none = no local file is allowed */
    public LocalFileSourceStore(List<Path> allowedRoots) {
        this.allowedRoots = realRoots(allowedRoots);
    }

    @Override
    public Set<String> schemes() {
        return Set.of("file");
    }

    /**
     * The regular file a {@code file:} URI names, inside the allowed roots. Characters outside ASCII may be written
     * raw (an IRI, as people type them): they are percent-encoded as UTF-8 first, which is what they mean.
     */
    @Override
    public SourceObject resolve(URI uri) {
        Path written;
        try {
            written = Path.of(URI.create(uri.toASCIIString())).normalize();
        }
        catch (IllegalArgumentException | FileSystemNotFoundException e) {
            throw new RecordRejectedException(RejectionCodes.INVALID_SOURCE_URI,
                    "source_uri does not name a local file (" + e.getMessage() + "); write file:///absolute/path");
        }
        if (!insideRoots(written)) {
            throw new RecordRejectedException(RejectionCodes.SOURCE_NOT_ALLOWED,
                    "source is outside the allowed roots: " + written);
        }
        Path real;
        try {
            real = written.toRealPath();
        }
        catch (NoSuchFileException e) {
            throw new RecordRejectedException(RejectionCodes.SOURCE_UNREADABLE, "source does not exist: " + written);
        }
        catch (IOException e) {
            throw new RecordRejectedException(RejectionCodes.SOURCE_UNREADABLE, "source cannot be resolved: " + written);
        }
        if (!insideRoots(real)) {
            throw new RecordRejectedException(RejectionCodes.SOURCE_NOT_ALLOWED,
                    "source links outside the allowed roots: " + written);
        }
        if (!Files.isRegularFile(real)) {
            throw new RecordRejectedException(RejectionCodes.SOURCE_UNREADABLE, "source is not a regular file: " + real);
        }
        try {
            long size = Files.size(real);
            return new SourceObject(uri.toString(), real.toString(), size,
                    "size=" + size + ";mtime=" + Files.getLastModifiedTime(real).toMillis());
        }
        catch (IOException e) {
            throw new RecordRejectedException(RejectionCodes.SOURCE_UNREADABLE, "source cannot be read: " + real);
        }
    }

    @Override
    public Optional<String> change(SourceObject source) throws IOException {
        long size = Files.size(path(source));
        return size == source.sizeBytes() ? Optional.empty()
                : Optional.of("the source is " + size + " bytes, " + source.sizeBytes() + " were validated");
    }

    @Override
    public InputStream openRange(SourceObject source, long offset, long length) throws IOException {
        return new Range(FileChannel.open(path(source), StandardOpenOption.READ), offset, length);
    }

    @Override
    public LocalCopy localCopy(SourceObject source) {
        return new LocalCopy(path(source), null, false);
    }

    /** The validated real path, or for a plan without one the path its URI names. */
    private static Path path(SourceObject source) {
        return source.location() != null ? Path.of(source.location()) : Path.of(URI.create(source.uri()));
    }

    private boolean insideRoots(Path path) {
        return allowedRoots.stream().anyMatch(path::startsWith);
    }

    private static List<Path> realRoots(List<Path> roots) {
        List<Path> result = new ArrayList<>();
        for (Path root : roots) {
            Path absolute = root.toAbsolutePath().normalize();
            result.add(absolute);
            try {
                Path real = absolute.toRealPath();
                if (!real.equals(absolute)) {
                    result.add(real);
                }
            }
            catch (IOException e) {
                // a root that does not exist yet admits nothing until it does; keep its written form
            }
        }
        return List.copyOf(result);
    }

    /** Positioned reads of one range; ends early (-1) when the file shrank; closes the channel with the stream. */
    private static final class Range extends InputStream {
        private final FileChannel channel;
        private final long end;
        private long position;

        Range(FileChannel channel, long offset, long length) {
            this.channel = channel;
            this.position = offset;
            this.end = offset + length;
        }

        @Override
        public int read() throws IOException {
            return SingleByteRead.readOne(this);
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            if (position >= end) {
                return -1;
            }
            int n = channel.read(ByteBuffer.wrap(buffer, off, (int) Math.min(len, end - position)), position);
            if (n > 0) {
                position += n;
            }
            return n;
        }

        @Override
        public int available() {
            return (int) Math.min(Integer.MAX_VALUE, end - position);
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
