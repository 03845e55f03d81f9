package org.invoicepipeline.poll.inflight;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.BitSet;
import java.util.List;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Encodes the offsets above a committed offset whose records are done with into the commit's metadata string, as
 * confluentinc/parallel-consumer does: {@code pfo1;<committed offset>;<form><base64url>}, where the form is
 * {@code b} (a bitset, bit {@code i} = offset {@code committed + 1 + i}) or {@code r} (run lengths as varints,
 * alternating not-done / done, starting with not-done), whichever is shorter.
 * <p>
 * The metadata is bounded ({@code maxBytes}, below the broker's {@code offset.metadata.max.bytes}, 4096 by default).
 * What would not fit is cut to the lowest done offsets that do: the others are just waited for again after a
 * restart (at-least-once), never skipped wrongly. Metadata of another format, or written for another committed
 * offset (the group's offsets were reset), decodes to nothing.
 */
public final class FinishedOffsetsCodec {

    static final String PREFIX = "pfo1;";

    private final int maxBytes;

    /** @param maxBytes the longest metadata written (ASCII, so characters = bytes) */
    public FinishedOffsetsCodec(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * The metadata for a commit at {@code committed}; empty when nothing above it is done (or nothing fits).
     *
     * @param finishedAbove done offsets in ascending order (a {@link CommitPoint}'s, or a sorted set); those not
     *                      above {@code committed} are ignored
     */
    public String encode(long committed, Collection<Long> finishedAbove) {
        List<Long> offsets = finishedAbove.stream().filter(offset -> offset > committed).toList();
        if (offsets.isEmpty()) {
            return "";
        }
        String all = encodeAll(committed, offsets);
        if (all.length() <= maxBytes) {
            return all;
        }
        // Cut to the longest prefix that fits (binary search: the encoded length grows with the prefix).
        int low = 0;
        int high = offsets.size() - 1;
        String best = "";
        while (low <= high) {
            int count = (low + high) >>> 1;
            String candidate = count == 0 ? "" : encodeAll(committed, offsets.subList(0, count));
            if (candidate.length() <= maxBytes) {
                best = candidate;
                low = count + 1;
            }
            else {
                high = count - 1;
            }
        }
        return best;
    }

    /** The done offsets recorded in {@code metadata} for a commit at {@code committed}; empty when none apply. */
    public Set<Long> decode(long committed, String metadata) {
        if (metadata == null || !metadata.startsWith(PREFIX)) {
            return Set.of();
        }
        String[] parts = metadata.substring(PREFIX.length()).split(";", 2);
        try {
            if (parts.length != 2 || Long.parseLong(parts[0]) != committed || parts[1].isEmpty()) {
                return Set.of();
            }
            byte[] bytes = Base64.getUrlDecoder().decode(parts[1].substring(1));
            return switch (parts[1].charAt(0)) {
                case 'b' -> fromBits(committed, BitSet.valueOf(bytes));
                case 'r' -> fromRuns(committed, bytes);
                default -> Set.of();
            };
        }
        catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return Set.of();
        }
    }

    private String encodeAll(long committed, List<Long> offsets) {
        String runs = "r" + base64(runs(committed, offsets));
        long span = offsets.get(offsets.size() - 1) - committed;
        // A bitset needs a bit per offset of the span (6 per base64 character): skip it when it cannot fit anyway.
        if (span > 6L * maxBytes) {
            return PREFIX + committed + ";" + runs;
        }
        String bits = "b" + base64(bits(committed, offsets));
        return PREFIX + committed + ";" + (bits.length() <= runs.length() ? bits : runs);
    }

    private static byte[] bits(long committed, List<Long> offsets) {
        BitSet bits = new BitSet();
        offsets.forEach(offset -> bits.set(Math.toIntExact(offset - committed - 1)));
        return bits.toByteArray();
    }

    private static byte[] runs(long committed, List<Long> offsets) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long next = committed + 1;
        int i = 0;
        while (i < offsets.size()) {
            long start = offsets.get(i);
            int end = i;
            while (end + 1 < offsets.size() && offsets.get(end + 1) == offsets.get(end) + 1) {
                end++;
            }
            writeVarint(out, start - next);
            writeVarint(out, end - i + 1L);
            next = offsets.get(end) + 1;
            i = end + 1;
        }
        return out.toByteArray();
    }

    private static Set<Long> fromBits(long committed, BitSet bits) {
        Set<Long> offsets = new TreeSet<>();
        bits.stream().forEach(i -> offsets.add(committed + 1 + i));
        return offsets;
    }

    private static Set<Long> fromRuns(long committed, byte[] bytes) {
        Set<Long> offsets = new TreeSet<>();
        int[] position = {0};
        long next = committed + 1;
        while (position[0] < bytes.length) {
            long skip = readVarint(bytes, position);
            long done = readVarint(bytes, position);
            if (skip < 0 || done <= 0 || offsets.size() + done > 10_000_000) {
                throw new IllegalArgumentException("corrupt run");
            }
            next += skip;
            for (long k = 0; k < done; k++) {
                offsets.add(next++);
            }
        }
        return offsets;
    }

    private static void writeVarint(ByteArrayOutputStream out, long value) {
        long v = value;
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    private static long readVarint(byte[] bytes, int[] position) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = bytes[position[0]++];
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("varint too long");
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
