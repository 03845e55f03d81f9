package org.invoicepipeline.client.upload;

import java.io.IOException;
import java.io.InputStream;

/** The single-byte {@code read()} of a stream whose reads all go through its bulk {@code read(byte[], int, int)}. */
public final class SingleByteRead {

    private SingleByteRead() {
    }

    /** Reads one byte through {@code stream.read(buffer, 0, 1)}: the byte as 0-255, or -1 at the end. */
    public static int readOne(InputStream stream) throws IOException {
        byte[] one = new byte[1];
        int n = stream.read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }
}
