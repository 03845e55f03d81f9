package org.invoicepipeline.upload.validation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.invoicepipeline.common.hash.Sha256;
import org.invoicepipeline.upload.source.SourceRef;

/** SHA-256 of a source's bytes, read sequentially through a small buffer whatever its size. */
public final class FileDigests {

    private static final int BUFFER = 64 * 1024;

    private FileDigests() {
    }

    /** Hex SHA-256 of the first {@code size} bytes of {@code channel}, read from its start. */
    static String sha256Hex(FileChannel channel, long size) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
        long position = 0;
        while (position < size) {
            buffer.clear().limit((int) Math.min(BUFFER, size - position));
            int read = channel.read(buffer, position);
            if (read < 0) {
                throw new IOException("file shrank while it was read");
            }
            buffer.flip();
            digest.update(buffer);
            position += read;
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Hex SHA-256 of a resolved source's bytes, read in one sequential stream. */
    public static String sha256Hex(SourceRef source) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        try (InputStream in = source.openRange(0, source.sizeBytes())) {
            byte[] buffer = new byte[BUFFER];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
                total += n;
            }
            if (total != source.sizeBytes()) {
                throw new IOException("source has " + total + " bytes, " + source.sizeBytes() + " expected");
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Hex SHA-256 of the whole file at {@code path} as it is now. */
    public static String sha256Hex(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            return sha256Hex(channel, channel.size());
        }
    }
}
