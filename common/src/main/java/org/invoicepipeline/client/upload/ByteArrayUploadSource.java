package org.invoicepipeline.client.upload;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Objects;

/** Bytes held in memory. */
final class ByteArrayUploadSource implements UploadSource {

    private final String fileName;
    private final byte[] bytes;

    ByteArrayUploadSource(String fileName, byte[] bytes) {
        this.fileName = Objects.requireNonNull(fileName, "fileName");
        this.bytes = Objects.requireNonNull(bytes, "bytes");
    }

    @Override
    public String fileName() {
        return fileName;
    }

    @Override
    public long sizeBytes() {
        return bytes.length;
    }

    @Override
    public InputStream openRange(long offset, long length) {
        if (offset < 0 || length < 0 || offset + length > bytes.length) {
            throw new IllegalArgumentException("range " + offset + "+" + length + " outside " + bytes.length + " bytes");
        }
        return new ByteArrayInputStream(bytes, (int) offset, (int) length);
    }
}
