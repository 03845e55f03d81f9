package org.invoicepipeline.local;

import org.invoicepipeline.samples.SampleInvoice;
import org.invoicepipeline.samples.SampleInvoiceGenerator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A folder like a person's inbox: good invoices, an encrypted PDF, an empty file, an unsupported file, an oversized
 * PDF, a name with a leading space, an image, plus things a scan leaves out (a hidden file, a subfolder holding one more invoice). {@code main}
 * writes one for trying the command by hand: {@code MixedFolder DIR [OVERSIZED_BYTES]}.
 */
final class MixedFolder {

    static final SampleInvoiceGenerator GENERATOR = new SampleInvoiceGenerator();

    /** The good invoices, by file name. */
    static final List<String> GOOD = List.of("invoice-1.pdf", "invoice-2.pdf", "invoice-3.pdf");
    static final String IMAGE = "scan-4.png";
    static final String SUBFOLDER_FILE = "2025/invoice-5.pdf";

    /** The files that do not end EXTRACTED, with the code each ends with. */
    static final Map<String, String> BAD = Map.of(
            "locked.pdf", "ENCRYPTED_FILE",
            "empty.pdf", "EMPTY_FILE",
            "notes.txt", "UNSUPPORTED_FILE_TYPE",
            "oversized.pdf", "FILE_TOO_LARGE",
            " leading-space.pdf", "INVALID_FILE_NAME");

    private MixedFolder() {
    }

    /** Writes the folder; the oversized PDF has {@code oversizedBytes} bytes (set the limit below it). */
    static void write(Path dir, long oversizedBytes) throws IOException {
        Files.createDirectories(dir.resolve("2025"));
        for (int i = 0; i < GOOD.size(); i++) {
            SampleInvoice invoice = GENERATOR.generate(i + 1);
            Files.write(dir.resolve(GOOD.get(i)), GENERATOR.toPdf(invoice));
        }
        Files.write(dir.resolve(IMAGE), GENERATOR.toPng(GENERATOR.generate(4)));
        Files.write(dir.resolve(SUBFOLDER_FILE), GENERATOR.toPdf(GENERATOR.generate(5)));
        Files.write(dir.resolve("locked.pdf"), GENERATOR.toEncryptedPdf(GENERATOR.generate(6)));
        Files.write(dir.resolve("empty.pdf"), new byte[0]);
        Files.writeString(dir.resolve("notes.txt"), "not an invoice");
        GENERATOR.writeLargePdf(GENERATOR.generate(7), oversizedBytes, dir.resolve("oversized.pdf"));
        // A name the OS allows but the API does not: it must still be named in the results.
        Files.write(dir.resolve(" leading-space.pdf"), GENERATOR.toPdf(GENERATOR.generate(8)));
        Files.writeString(dir.resolve(".DS_Store"), "hidden");
    }

    public static void main(String[] args) throws IOException {
        write(Path.of(args[0]), args.length > 1 ? Long.parseLong(args[1]) : 151L * 1024 * 1024);
    }
}
