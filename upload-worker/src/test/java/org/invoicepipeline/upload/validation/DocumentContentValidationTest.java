package org.invoicepipeline.upload.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;

import org.invoicepipeline.common.kafka.RecordRejectedException;
import org.invoicepipeline.events.FileRegistered;
import org.invoicepipeline.samples.SampleInvoice;
import org.invoicepipeline.samples.SampleInvoiceGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The content check of {@link FileValidator}: damaged or mislabelled files are CORRUPT_FILE, real documents pass. */
class DocumentContentValidationTest {

    private static final SampleInvoiceGenerator GENERATOR = new SampleInvoiceGenerator();
    private static final long LIMIT = 50L * 1024 * 1024;

    private static byte[] pdf;
    private static byte[] png;
    private static byte[] jpeg;

    @TempDir
    Path root;

    private FileValidator validator;

    @BeforeAll
    static void render() throws IOException {
        SampleInvoice invoice = GENERATOR.generate(1);
        pdf = GENERATOR.toPdf(invoice);
        png = GENERATOR.toPng(invoice);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, "jpg", out)).isTrue();
        jpeg = out.toByteArray();
    }

    @BeforeEach
    void setUp() {
        validator = new FileValidator(List.of(root), LIMIT, LIMIT, profile -> true);
    }

    @Test
    void acceptsGeneratedInvoicesOfEveryType() throws IOException {
        assertAccepted("invoice.pdf", pdf);
        assertAccepted("multi-page.pdf", GENERATOR.toPdf(GENERATOR.multiPage(2)));
        assertAccepted("invoice.png", png);
        assertAccepted("invoice.jpg", jpeg);
        assertAccepted("invoice.jpeg", jpeg);
        assertAccepted("UPPER.PDF", pdf);
    }

    @Test
    void rejectsAPdfThatNeedsAPasswordToOpenAsTheApiWould() throws IOException {
        Path file = Files.write(root.resolve("locked.pdf"), GENERATOR.toEncryptedPdf(GENERATOR.generate(3)));
        assertThatThrownBy(() -> validator.validate(event("locked.pdf", file)))
                .isInstanceOfSatisfying(RecordRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo(RejectionCodes.ENCRYPTED_FILE));
    }

    @Test
    void acceptsALargePaddedPdf() throws IOException {
        Path large = root.resolve("large.pdf");
        GENERATOR.writeLargePdf(GENERATOR.generate(4), 8L * 1024 * 1024, large);

        ValidatedFile valid = validator.validate(event("large.pdf", large));

        assertThat(valid.sizeBytes()).isEqualTo(8L * 1024 * 1024);
    }

    @Test
    void toleratesJunkAroundThePdfMarkersAsReadersDo() throws IOException {
        byte[] junkBefore = "garbage from a mail gateway\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] junkAfter = new byte[900];
        Arrays.fill(junkAfter, (byte) ' ');
        junkAfter[450] = 0x1A;

        assertAccepted("prefixed.pdf", concat(junkBefore, pdf));
        assertAccepted("padded.pdf", concat(pdf, junkAfter));
    }

    @Test
    void rejectsATruncatedPdfSayingTheEndMarkerIsMissing() throws IOException {
        byte[] corrupt = GENERATOR.toCorruptPdf(GENERATOR.generate(5));

        assertCorrupt("damaged.pdf", corrupt, "%%EOF");
        assertCorrupt("cut.pdf", Arrays.copyOf(pdf, pdf.length - 10), "%%EOF");
        assertCorrupt("far-junk.pdf", concat(pdf, new byte[2 * FileEnds.WINDOW]), "%%EOF");
    }

    @Test
    void rejectsContentThatDoesNotMatchTheExtension() throws IOException {
        assertCorrupt("picture.pdf", png, "PNG image");
        assertCorrupt("photo.pdf", jpeg, "JPEG image");
        assertCorrupt("document.png", pdf, "is a PDF");
        assertCorrupt("notes.pdf", "just some text, no document at all".getBytes(StandardCharsets.UTF_8), "%PDF-");
        assertCorrupt("zeros.jpg", new byte[4096], "not an image");
    }

    @Test
    void acceptsAnImageWhoseNameGivesTheOtherImageFormat() throws IOException {
        assertAccepted("really-a-jpeg.png", jpeg);
        assertAccepted("really-a-png.jpg", png);
    }

    @Test
    void rejectsTruncatedImages() throws IOException {
        assertCorrupt("cut.png", Arrays.copyOf(png, png.length / 2), "IEND");
        assertCorrupt("cut.jpg", Arrays.copyOf(jpeg, jpeg.length / 2), "FF D9");
    }

    @Test
    void checksContentOnlyAfterTheSizeLimit() throws IOException {
        FileValidator small = new FileValidator(List.of(root), 100, 100, profile -> true);
        Path damaged = Files.write(root.resolve("damaged.pdf"), GENERATOR.toCorruptPdf(GENERATOR.generate(6)));

        assertThatThrownBy(() -> small.validate(event("damaged.pdf", damaged)))
                .isInstanceOfSatisfying(RecordRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo(RejectionCodes.FILE_TOO_LARGE));
    }

    @Test
    void skipsTheContentCheckWhenTurnedOff() throws IOException {
        FileValidator lenient = new FileValidator(List.of(root), LIMIT, LIMIT, profile -> true, false);
        Path damaged = Files.write(root.resolve("damaged.pdf"), GENERATOR.toCorruptPdf(GENERATOR.generate(7)));

        assertThat(lenient.validate(event("damaged.pdf", damaged)).path()).isEqualTo(damaged.toRealPath());
    }

    private void assertAccepted(String name, byte[] content) throws IOException {
        Path file = Files.write(root.resolve(name), content);
        assertThat(validator.validate(event(name, file)).sizeBytes()).isEqualTo(content.length);
    }

    private void assertCorrupt(String name, byte[] content, String messagePart) throws IOException {
        Path file = Files.write(root.resolve(name), content);
        assertThatThrownBy(() -> validator.validate(event(name, file)))
                .isInstanceOfSatisfying(RecordRejectedException.class, e -> {
                    assertThat(e.code()).isEqualTo(RejectionCodes.CORRUPT_FILE);
                    assertThat(e.getMessage()).contains(messagePart);
                });
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static FileRegistered event(String name, Path file) {
        return FileRegistered.newBuilder().setFileId("f-1").setFileName(name).setSourceUri(file.toUri().toString())
                .setProfile("std").setRegisteredAt(Instant.EPOCH).build();
    }
}
