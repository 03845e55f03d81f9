package org.invoicepipeline.upload.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.invoicepipeline.common.kafka.RecordRejectedException;
import org.invoicepipeline.events.FileRegistered;
import org.invoicepipeline.samples.SampleInvoiceGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PDFs the API would fail as a whole extraction: a user password, more pages than the API's limit. */
class PdfOpeningValidationTest {

    private static final SampleInvoiceGenerator GENERATOR = new SampleInvoiceGenerator(7);

    @TempDir
    Path root;

    private FileValidator validator;

    @BeforeEach
    void setUp() {
        validator = new FileValidator(List.of(root), 50L * 1024 * 1024, 5L * 1024 * 1024, profile -> true);
    }

    @Test
    void aPdfThatNeedsAPasswordToOpenIsEncryptedFile() throws IOException {
        Path pdf = Files.write(root.resolve("locked.pdf"), GENERATOR.toEncryptedPdf(GENERATOR.generate(1)));

        assertThatThrownBy(() -> validator.validate(event("f-locked", pdf)))
                .isInstanceOfSatisfying(RecordRejectedException.class, e -> {
                    assertThat(e.code()).isEqualTo(RejectionCodes.ENCRYPTED_FILE);
                    assertThat(e.getMessage()).contains("f-locked").contains("locked.pdf");
                });
    }

    @Test
    void aPdfWithOnlyAnOwnerPasswordOpensAndPasses() throws IOException {
        Path pdf = Files.write(root.resolve("owner.pdf"), pages(2, true));

        assertThat(validator.validate(event("f-owner", pdf)).sizeBytes()).isEqualTo(Files.size(pdf));
    }

    @Test
    void aPdfOverTheApisPageLimitIsFilePageLimitExceeded() throws IOException {
        Path pdf = Files.write(root.resolve("huge.pdf"), pages(5_001, false));

        assertThatThrownBy(() -> validator.validate(event("f-huge", pdf)))
                .isInstanceOfSatisfying(RecordRejectedException.class, e -> {
                    assertThat(e.code()).isEqualTo(RejectionCodes.FILE_PAGE_LIMIT_EXCEEDED);
                    assertThat(e.getMessage()).contains("f-huge").contains("5001").contains("5000");
                });
    }

    @Test
    void aPdfAtThePageLimitPasses() throws IOException {
        Path pdf = Files.write(root.resolve("limit.pdf"), pages(5_000, false));

        assertThat(validator.validate(event("f-limit", pdf)).sizeBytes()).isEqualTo(Files.size(pdf));
    }

    private static byte[] pages(int count, boolean ownerPasswordOnly) throws IOException {
        try (PDDocument document = new PDDocument()) {
            for (int i = 0; i < count; i++) {
                document.addPage(new PDPage());
            }
            if (ownerPasswordOnly) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "", new AccessPermission());
                policy.setEncryptionKeyLength(128);
                document.protect(policy);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    private static FileRegistered event(String fileId, Path path) {
        return FileRegistered.newBuilder().setFileId(fileId).setFileName(path.getFileName().toString())
                .setSourceUri(path.toUri().toString()).setProfile("std").setRegisteredAt(Instant.EPOCH).build();
    }
}
