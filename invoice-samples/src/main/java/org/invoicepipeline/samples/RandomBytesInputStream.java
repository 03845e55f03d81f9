package org.invoicepipeline.samples;

import java.io.InputStream;
import java.util.Random;

/**
 * A fixed number of pseudo-random bytes, generated as they are read, in the same order as successive
 * {@code Random.nextBytes} calls on 64 KiB chunks produce them.
 */
final class RandomBytesInputStream extends InputStream {

    private static final int CHUNK = 64 * 1024;

    private final Random random;
    private final byte[] chunk = new byte[CHUNK];
    private long remaining;
    private int position = CHUNK;

    RandomBytesInputStream(Random random, long length) {
        this.random = random;
        this.remaining = length;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (remaining == 0) {
            return -1;
        }
        if (position == CHUNK) {
            random.nextBytes(chunk);
            position = 0;
        }
        int n = (int) Math.min(Math.min(length, CHUNK - position), remaining);
        System.arraycopy(chunk, position, buffer, offset, n);
        position += n;
        remaining -= n;
        return n;
    }

    @Override
    public int available() {
        return (int) Math.min(Integer.MAX_VALUE, Math.min(remaining, CHUNK - position));
    }
}
