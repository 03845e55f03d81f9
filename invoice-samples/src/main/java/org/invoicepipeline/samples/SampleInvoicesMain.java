package org.invoicepipeline.samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Writes sample invoices and their {@code expected-values.json} manifest to a directory.
 *
 * <pre>
 * SampleInvoicesMain --output DIR --count N [--seed S] [--special-cases] [--corpus K]
 * </pre>
 * {@code --special-cases} adds a multi-page invoice, an invoice with two totals, one without a due date,
 * a PNG picture, an encrypted PDF and a damaged PDF. {@code --corpus K} also writes the recognition corpus
 * ({@link SampleCorpus#documents(int)} with K per variant) to {@code DIR/corpus/} with its own
 * {@code expected-values.json}.
 */
public final class SampleInvoicesMain {

    /** Held so the level sticks: PDFBox warns on every font that no system copy of Helvetica is installed. */
    private static final Logger PDFBOX_FONTS = Logger.getLogger("org.apache.pdfbox.pdmodel.font");

    private SampleInvoicesMain() {
    }

    public static void main(String[] args) throws IOException {
        PDFBOX_FONTS.setLevel(Level.SEVERE);
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("Usage: SampleInvoicesMain --output DIR --count N [--seed S] [--special-cases] [--corpus K]");
            System.exit(2);
            return;
        }
        Path written = write(options.output(), options.count(), options.seed(), options.specialCases());
        System.out.println("Wrote " + options.count() + " invoices" + (options.specialCases() ? " and special cases" : "")
                + " and " + written);
        if (options.corpus() > 0) {
            Path corpus = writeCorpus(options.output().resolve("corpus"), options.corpus(), options.seed());
            System.out.println("Wrote the recognition corpus and " + corpus);
        }
    }

    /**
     * Writes the recognition corpus ({@code perVariant} documents per variant) and its manifest: file name →
     * the expected fields ({@code null} = not printed readably), {@code variant}, {@code invoice}, {@code text_layer}.
     */
    public static Path writeCorpus(Path output, int perVariant, long seed) throws IOException {
        Files.createDirectories(output);
        Map<String, Map<String, Object>> manifest = new LinkedHashMap<>();
        for (CorpusDocument document : new SampleCorpus(seed).documents(perVariant)) {
            Files.write(output.resolve(document.fileName()), document.bytes());
            Map<String, Object> entry = new LinkedHashMap<>(document.expected());
            entry.put("variant", document.variant().name().toLowerCase(Locale.ROOT));
            entry.put("invoice", document.invoice());
            entry.put("text_layer", document.textLayer());
            manifest.put(document.fileName(), entry);
        }
        Path manifestFile = output.resolve("expected-values.json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(manifestFile.toFile(), manifest);
        return manifestFile;
    }

    /** Writes the files and the manifest; returns the manifest's path. */
    public static Path write(Path output, int count, long seed, boolean specialCases) throws IOException {
        Files.createDirectories(output);
        SampleInvoiceGenerator generator = new SampleInvoiceGenerator(seed);
        SampleManifest manifest = new SampleManifest();
        for (SampleInvoice invoice : generator.generateMany(count)) {
            Files.write(output.resolve(invoice.fileName()), generator.toPdf(invoice));
            manifest.add(invoice.fileName(), "pdf", invoice);
        }
        if (specialCases) {
            for (SampleInvoice invoice : List.of(generator.multiPage(1), generator.ambiguousTotal(1),
                    generator.missingDueDate(1))) {
                Files.write(output.resolve(invoice.fileName()), generator.toPdf(invoice));
                manifest.add(invoice.fileName(), "pdf", invoice);
            }
            SampleInvoice base = generator.generate(1);
            SampleInvoice png = base.withFileName("picture-1.png");
            Files.write(output.resolve(png.fileName()), generator.toPng(png));
            manifest.add(png.fileName(), "png", png);
            SampleInvoice encrypted = base.withFileName("encrypted-1.pdf");
            Files.write(output.resolve(encrypted.fileName()), generator.toEncryptedPdf(encrypted));
            manifest.add(encrypted.fileName(), "encrypted_pdf", encrypted);
            SampleInvoice corrupt = base.withFileName("corrupt-1.pdf");
            Files.write(output.resolve(corrupt.fileName()), generator.toCorruptPdf(corrupt));
            manifest.add(corrupt.fileName(), "corrupt_pdf", corrupt);
        }
        Path manifestFile = output.resolve("expected-values.json");
        manifest.write(manifestFile);
        return manifestFile;
    }

    private record Options(Path output, int count, long seed, boolean specialCases, int corpus) {

        static Options parse(String[] args) {
            Path output = null;
            Integer count = null;
            long seed = SampleInvoiceGenerator.DEFAULT_SEED;
            boolean special = false;
            int corpus = 0;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--output" -> output = Path.of(value(args, ++i, "--output"));
                    case "--count" -> count = Integer.parseInt(value(args, ++i, "--count"));
                    case "--seed" -> seed = Long.parseLong(value(args, ++i, "--seed"));
                    case "--special-cases" -> special = true;
                    case "--corpus" -> corpus = Integer.parseInt(value(args, ++i, "--corpus"));
                    default -> throw new IllegalArgumentException("Unknown argument: " + args[i]);
                }
            }
            if (output == null || count == null || count < 0) {
                throw new IllegalArgumentException("--output and a non-negative --count are required");
            }
            if (corpus < 0) {
                throw new IllegalArgumentException("--corpus must not be negative");
            }
            return new Options(output, count, seed, special, corpus);
        }

        private static String value(String[] args, int index, String flag) {
            if (index >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            return args[index];
        }
    }
}
