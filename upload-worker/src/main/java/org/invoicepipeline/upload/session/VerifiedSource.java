package org.invoicepipeline.upload.session;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import org.invoicepipeline.client.upload.SingleByteRead;
import org.invoicepipeline.client.upload.UploadSource;
import org.invoicepipeline.common.hash.Sha256;
import org.invoicepipeline.upload.source.SourceChangedException;
import org.invoicepipeline.upload.source.SourceRef;
import org.invoicepipeline.upload.validation.FileDigests;

/**
 * A planned file's source that checks the bytes it hands out are the bytes validated. It serves exactly the size
 * validated, reading each range from the source's store ({@link SourceRef}), and hashes (SHA-256) what it streams,
 * part after part in order; a part sent again (a retry of its PUT) restarts the hash from before that part, so the
 * digest covers the bytes of the last send of each part, which is what storage keeps. When the last byte is read it
 * compares the digest with the one taken at validation (or, for a plan without one, with the source as it is now)
 * and asks the store whether the source still is what was validated (size; ETag for an object). A source that
 * shrank, grew or changed — or that the store refuses as changed ({@link SourceChangedException}, an object's
 * If-Match failing) — fails the read with an {@link IOException} before the file can be completed, and
 * {@link #change()} then says what changed, so the uploader reports {@code SOURCE_CHANGED} rather than the
 * transport failure the client makes of it.
 */
final class VerifiedSource implements UploadSource {

    private final SourceRef source;
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
     * @param source         the source as planned (its size is the size validated)
     * @param expectedSha256 hex SHA-256 of the bytes validated, or null (plans written before it was recorded)
     */
    VerifiedSource(SourceRef source, String fileName, String expectedSha256) {
        this.source = source;
        this.fileName = fileName;
        this.size = source.sizeBytes();
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
        try {
            return new Range(source.openRange(offset, length), offset, length);
        }
        catch (SourceChangedException e) {
            throw changed(e.getMessage());
        }
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

    /** After the last byte: the source must still be what was validated and the digest of what was sent its digest. */
    private synchronized void finish() throws IOException {
        if (!inOrder || hashedUpTo != size) {
            return;
        }
        Optional<String> now = source.change();
        if (now.isPresent()) {
            throw changed(now.get() + " (after the upload)");
        }
        String sent = HexFormat.of().formatHex(clone(digest).digest());
        String expected = expectedSha256 != null ? expectedSha256 : FileDigests.sha256Hex(source);
        if (!sent.equalsIgnoreCase(expected)) {
            throw changed("the bytes sent differ from the bytes " + (expectedSha256 != null ? "validated" : "stored")
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

    /** One range of the source as the store streams it, hashed on the way; closes the store's stream with it. */
    private final class Range extends InputStream {
        private final InputStream in;
        private final long end;
        private long position;

        Range(InputStream in, long offset, long length) {
            this.in = in;
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
            int n;
            try {
                n = in.read(buffer, off, (int) Math.min(len, end - position));
            }
            catch (SourceChangedException e) {
                throw changed(e.getMessage());
            }
            if (n < 0) {
                throw changed("the source ended at byte " + position + " during the upload; " + size
                        + " were validated");
            }
            streamed(position, buffer, off, n);
            position += n;
            if (position == size) {
                finish();
            }
            return n;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(in.available(), end - position);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
