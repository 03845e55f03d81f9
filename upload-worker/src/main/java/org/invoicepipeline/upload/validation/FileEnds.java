package org.invoicepipeline.upload.validation;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

import org.invoicepipeline.upload.source.SourceRef;

/**
 * The first and the last bytes of a file: all a reader needs to see whether a document starts and ends like one
 * of its type. Reading them costs two small ranged reads of the source whatever its size; a file shorter than the
 * window has the same bytes in both.
 *
 * @param head the first {@code min(size, window)} bytes
 * @param tail the last {@code min(size, window)} bytes
 */
record FileEnds(byte[] head, byte[] tail) {

    /** How far from either end readers look for a header or an end marker (the PDF spec's 1,024 bytes). */
    static final int WINDOW = 1024;

    /** Reads the ends of a resolved source: two ranged reads. */
    static FileEnds read(SourceRef source) throws IOException {
        long size = source.sizeBytes();
        int length = (int) Math.min(size, WINDOW);
        byte[] head = readRange(source, 0, length);
        byte[] tail = size <= WINDOW ? head : readRange(source, size - length, length);
        return new FileEnds(head, tail);
    }

    private static byte[] readRange(SourceRef source, long position, int length) throws IOException {
        try (InputStream in = source.openRange(position, length)) {
            byte[] bytes = in.readNBytes(length);
            if (bytes.length < length) {
                throw new EOFException("source shrank while it was read");
            }
            return bytes;
        }
    }
}
