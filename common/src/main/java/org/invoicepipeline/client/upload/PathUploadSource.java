package org.invoicepipeline.client.upload;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/** A file on disk; each range opens its own channel, so parts can be read concurrently and re-read on retry. */
final class PathUploadSource implements UploadSource {

    private final Path path;
    private final String fileName;
    private final long size;

    PathUploadSource(Path path, String fileName) throws IOException {
        this.path = Objects.requireNonNull(path, "path");
        this.fileName = Objects.requireNonNull(fileName, "fileName");
        this.size = Files.size(path);
    }

    @Override
    public String fileName() {
        return fileName;
    }

    @Override
    public long sizeBytes() {
        return size;
    }

    @Override
    public InputStream openRange(long offset, long length) throws IOException {
        if (offset < 0 || length < 0 || offset + length > size) {
            throw new IllegalArgumentException("range " + offset + "+" + length + " outside a file of " + size + " bytes");
        }
        return new RangeInputStream(FileChannel.open(path, StandardOpenOption.READ), offset, length);
    }

    @Override
    public String toString() {
        return "PathUploadSource[" + path + "]";
    }

    /** Positioned reads of one range of a channel; closes the channel with the stream. */
    private static final class RangeInputStream extends InputStream {
        private final FileChannel channel;
        private long position;
        private long remaining;

        RangeInputStream(FileChannel channel, long offset, long length) {
            this.channel = channel;
            this.position = offset;
            this.remaining = length;
        }

        @Override
        public int read() throws IOException {
            return SingleByteRead.readOne(this);
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int wanted = (int) Math.min(len, remaining);
            int n = channel.read(ByteBuffer.wrap(buffer, off, wanted), position);
            if (n < 0) {
                throw new EOFException("file shrank while it was being uploaded");
            }
            position += n;
            remaining -= n;
            return n;
        }

        @Override
        public int available() {
            return (int) Math.min(Integer.MAX_VALUE, remaining);
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
