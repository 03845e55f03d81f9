package org.invoicepipeline.samples;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a sample invoice as a valid PDF of an exact byte size, for upload size-limit and streaming tests.
 *
 * <p>The invoice PDF (uncompressed, classic cross-reference table) is followed by an incremental update that
 * adds one unreferenced stream object of random bytes, which no compression can shrink, and a cross-reference
 * section for it. Readers open the file normally and see the invoice. The padding is streamed in 64 KiB
 * chunks (or produced as the stream returned by {@link #open} is read), so memory use does not grow with
 * the size.
 */
final class LargePdfWriter {

    private static final int CHUNK = 64 * 1024;
    /** Width of the padding stream's /Length: fixed, so the layout's length is known before the size. */
    private static final int LENGTH_DIGITS = 12;
    private static final Pattern SIZE = Pattern.compile("/Size\\s+(\\d+)");
    private static final Pattern START_XREF = Pattern.compile("startxref\\s+(\\d+)\\s+%%EOF\\s*$");

    private final SampleInvoicePdf pdf;
    private final long seed;

    LargePdfWriter(SampleInvoicePdf pdf, long seed) {
        this.pdf = pdf;
        this.seed = seed;
    }

    void write(SampleInvoice invoice, long sizeBytes, Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), CHUNK)) {
            write(invoice, sizeBytes, out);
        }
    }

    void write(SampleInvoice invoice, long sizeBytes, OutputStream out) throws IOException {
        Layout layout = layout(invoice, sizeBytes);
        out.write(layout.prefix());
        writeRandom(out, layout.padding());
        out.write(layout.suffix());
        out.flush();
    }

    /** The PDF as a stream that produces the padding as it is read: nothing is held in memory or on disk. */
    InputStream open(SampleInvoice invoice, long sizeBytes) {
        Layout layout = layout(invoice, sizeBytes);
        return new SequenceInputStream(java.util.Collections.enumeration(List.of(
                new ByteArrayInputStream(layout.prefix()),
                new RandomBytesInputStream(new Random(seed ^ layout.padding()), layout.padding()),
                new ByteArrayInputStream(layout.suffix()))));
    }

    /** The bytes before the padding, the padding's length and the bytes after it. */
    private record Layout(byte[] prefix, long padding, byte[] suffix) {
    }

    private Layout layout(SampleInvoice invoice, long sizeBytes) {
        byte[] base = pdf.toUncompressedPdf(invoice);
        String text = new String(base, StandardCharsets.ISO_8859_1);
        int trailerAt = text.lastIndexOf("trailer");
        int startXrefAt = text.lastIndexOf("startxref");
        Matcher startXref = START_XREF.matcher(text.substring(startXrefAt));
        if (trailerAt < 0 || !startXref.find()) {
            throw new IllegalStateException("The invoice PDF has no classic trailer to append to");
        }
        String trailer = text.substring(trailerAt + "trailer".length(), startXrefAt).strip();
        Matcher size = SIZE.matcher(trailer);
        if (!size.find()) {
            throw new IllegalStateException("The invoice PDF trailer has no /Size");
        }
        int objectNumber = Integer.parseInt(size.group(1));
        String newTrailer = size.replaceFirst("/Size " + (objectNumber + 1));
        newTrailer = newTrailer.substring(0, newTrailer.lastIndexOf(">>")) + " /Prev " + startXref.group(1) + " >>";

        long objectOffset = base.length;
        String header = objectNumber + " 0 obj\n<< /Length %0" + LENGTH_DIGITS + "d >>\nstream\n";
        int headerLength = String.format(header, 0L).length();
        String footer = "\nendstream\nendobj\n";
        String xref = "xref\n0 1\n0000000000 65535 f \n" + objectNumber + " 1\n"
                + String.format("%010d 00000 n \n", objectOffset) + "trailer\n" + newTrailer + "\nstartxref\n";
        String end = "\n%%EOF\n";
        // size = xrefOffset + xref + digits(xrefOffset) + end, with xrefOffset = base + header + padding + footer.
        long fixed = xref.length() + end.length();
        for (int digits = 1; digits <= 19; digits++) {
            long xrefOffset = sizeBytes - fixed - digits;
            long padding = xrefOffset - base.length - headerLength - footer.length();
            if (Long.toString(xrefOffset).length() == digits && padding >= 0) {
                byte[] head = String.format(header, padding).getBytes(StandardCharsets.ISO_8859_1);
                byte[] prefix = new byte[base.length + head.length];
                System.arraycopy(base, 0, prefix, 0, base.length);
                System.arraycopy(head, 0, prefix, base.length, head.length);
                return new Layout(prefix, padding,
                        (footer + xref + xrefOffset + end).getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        long minimum = base.length + headerLength + footer.length() + fixed + Long.toString(base.length).length();
        throw new IllegalArgumentException("A padded PDF of this invoice needs at least " + minimum + " bytes");
    }

    private void writeRandom(OutputStream out, long length) throws IOException {
        // Same generator and seed as open(), so the file and the stream hold the same bytes.
        Random random = new Random(seed ^ length);
        byte[] chunk = new byte[CHUNK];
        long left = length;
        while (left > 0) {
            random.nextBytes(chunk);
            int n = (int) Math.min(CHUNK, left);
            out.write(chunk, 0, n);
            left -= n;
        }
    }
}
