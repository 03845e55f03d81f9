package org.invoicepipeline.upload.session;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import org.invoicepipeline.client.upload.SingleByteRead;
import org.invoicepipeline.client.upload.UploadSource;
import org.invoicepipeline.common.hash.Sha256;
import org.invoicepipeline.upload.validation.FileDigests;

/**
 * A planned file's source that checks the bytes it hands out are the bytes validated. It serves exactly the size
 * validated and hashes (SHA-256) what it streams, part after part in order; a part sent again (a retry of its PUT)
 * restarts the hash from before that part, so the digest covers the bytes of the last send of each part, which is
 * what storage keeps. When the last byte is read it compares the digest with the one taken at validation (or, for
 * a plan without one, with the file as it is now) and the file's size with the size validated. A source that
 * shrank, grew or changed fails the read with an {@link IOException} before the file can be completed, and
 * {@link #change()} then says what changed, so the uploader reports {@code SOURCE_CHANGED} rather than the
 * transport failure the client makes of it.
 */
final class VerifiedSource implements UploadSource {

    private final Path path;
    private final String fileName;
    private final long size;
    private final String expectedSha256;
    private final Map<Long, MessageDigest> digestBefore = new HashMap<>();
    private MessageDigest digest = Sha256.newDigest();
    private long hashedUpTo;
    private boolean inOrder = true;
    private boolean verified;
    private String change;

    /**
     * @param size           the size validated
     * @param expectedSha256 hex SHA-256 of the bytes validated, or null (plans written before it was recorded)
     */
    VerifiedSource(Path path, String fileName, long size, String expectedSha256) {
        this.path = path;
        this.fileName = fileName;
        this.size = size;
        this.expectedSha256 = expectedSha256;
    }

    @Override
    public String fileName() {
        return fileName;
    }

    @Override
    public long sizeBytes() {
        return size;
    }

    /** What changed in the source while it was read, if anything did. */
    synchronized Optional<String> change() {
        return Optional.ofNullable(change);
    }

    /** Whether every byte was streamed and matched what was validated. */
    synchronized boolean verified() {
        return verified;
    }

    @Override
    public synchronized InputStream openRange(long offset, long length) throws IOException {
        if (offset < 0 || length < 0 || offset + length > size) {
            throw new IllegalArgumentException("range " + offset + "+" + length + " outside a file of " + size + " bytes");
        }
        if (change != null) {
            throw new IOException(change);
        }
        if (digestBefore.containsKey(offset)) {
            // a part sent again: hash it afresh from the state before it
            digest = clone(digestBefore.get(offset));
            hashedUpTo = offset;
            digestBefore.keySet().removeIf(start -> start > offset);
            verified = false;
        }
        else if (offset == hashedUpTo) {
            digestBefore.put(offset, clone(digest));
        }
        else {
            inOrder = false;
        }
        return new Range(FileChannel.open(path, StandardOpenOption.READ), offset, length);
    }

    private synchronized void streamed(long position, byte[] bytes, int off, int n) {
        if (inOrder && position == hashedUpTo) {
            digest.update(bytes, off, n);
            hashedUpTo += n;
        }
    }

    private synchronized IOException changed(String what) {
        if (change == null) {
            change = what;
        }
        return new IOException(change);
    }

    /** After the last byte: the size on disk and the digest of what was sent must be those validated. */
    private synchronized void finish(FileChannel channel) throws IOException {
        if (!inOrder || hashedUpTo != size) {
            return;
        }
        long now = channel.size();
        if (now != size) {
            throw changed("the source is " + now + " bytes after the upload, " + size + " were validated");
        }
        String sent = HexFormat.of().formatHex(clone(digest).digest());
        String expected = expectedSha256 != null ? expectedSha256 : FileDigests.sha256Hex(path);
        if (!sent.equalsIgnoreCase(expected)) {
            throw changed("the bytes sent differ from the bytes " + (expectedSha256 != null ? "validated" : "on disk")
                    + " (SHA-256 " + sent + ", expected " + expected + "): the source changed during the upload");
        }
        verified = true;
    }

    private static MessageDigest clone(MessageDigest digest) {
        try {
            return (MessageDigest) digest.clone();
        }
        catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digests are cloneable", e);
        }
    }

    /** Positioned reads of one range; closes the channel with the stream. */
    private final class Range extends InputStream {
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
            int wanted = (int) Math.min(len, end - position);
            int n = channel.read(ByteBuffer.wrap(buffer, off, wanted), position);
            if (n < 0) {
                throw changed("the source shrank to " + channel.size() + " bytes during the upload; " + size
                        + " were validated");
            }
            streamed(position, buffer, off, n);
            position += n;
            if (position == size) {
                finish(channel);
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
