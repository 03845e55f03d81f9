package org.invoicepipeline.upload.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.invoicepipeline.common.kafka.RecordRejectedException;
import org.invoicepipeline.events.FileRegistered;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileValidatorTest {

    @TempDir
    Path temp;

    private Path root;
    private FileValidator validator;

    @BeforeEach
    void setUp() throws IOException {
        root = Files.createDirectories(temp.resolve("inbox"));
        Files.createDirectories(temp.resolve("elsewhere"));
        validator = new FileValidator(List.of(root), 1_000, 100, "std"::equals);
    }

    @Test
    void acceptsAReadableFileInsideTheRootWithItsMeasuredSize() throws IOException {
        byte[] content = new byte[500];
        byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        byte[] end = "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, content, 0, header.length);
        System.arraycopy(end, 0, content, content.length - end.length, end.length);
        Path pdf = Files.write(root.resolve("a.pdf"), content);

        ValidatedFile valid = validator.validate(event("f-1", "a.pdf", pdf.toUri().toString()));

        assertThat(valid.sizeBytes()).isEqualTo(500);
        assertThat(valid.path()).isEqualTo(pdf.toRealPath());
    }

    @Test
    void rejectsEachKindOfBadRegistrationWithItsCode() throws IOException {
        Path pdf = Files.write(root.resolve("a.pdf"), new byte[500]);
        Path bigImage = Files.write(root.resolve("b.png"), new byte[101]);
        Path empty = Files.write(root.resolve("e.pdf"), new byte[0]);
        Path outside = Files.write(temp.resolve("elsewhere/x.pdf"), new byte[10]);
        Path link = Files.createSymbolicLink(root.resolve("link.pdf"), outside);

        assertRejected(event("bad id", "a.pdf", pdf.toUri().toString()), RejectionCodes.INVALID_FILE_ID);
        assertRejected(FileRegistered.newBuilder(event("f", "a.pdf", pdf.toUri().toString())).setProfile("other").build(),
                RejectionCodes.UNKNOWN_PROFILE);
        assertRejected(event("f", "a.docx", pdf.toUri().toString()), RejectionCodes.UNSUPPORTED_FILE_TYPE);
        assertRejected(event("f", "dir/a.pdf", pdf.toUri().toString()), RejectionCodes.INVALID_FILE_NAME);
        assertRejected(event("f", "b.png", bigImage.toUri().toString()), RejectionCodes.FILE_TOO_LARGE);
        assertRejected(event("f", "e.pdf", empty.toUri().toString()), RejectionCodes.EMPTY_FILE);
        assertRejected(event("f", "x.pdf", "file://" + root + "/../elsewhere/x.pdf"), RejectionCodes.SOURCE_NOT_ALLOWED);
        assertRejected(event("f", "x.pdf", link.toUri().toString()), RejectionCodes.SOURCE_NOT_ALLOWED);
        assertRejected(event("f", "x.pdf", "https://example.com/x.pdf"), RejectionCodes.SOURCE_NOT_ALLOWED);
        assertRejected(event("f", "m.pdf", root.resolve("missing.pdf").toUri().toString()), RejectionCodes.SOURCE_UNREADABLE);
        assertRejected(event("f", "d.pdf", root.toUri().toString()), RejectionCodes.SOURCE_UNREADABLE);
    }

    @Test
    void rejectsANameTheApiRefusesBeforeItReachesTheApiNamingTheFile() throws IOException {
        Path pdf = Files.write(root.resolve("x.pdf"), new byte[500]);

        assertThatThrownBy(() -> validator.validate(event("f-dot", ".pdf", pdf.toUri().toString())))
                .isInstanceOfSatisfying(RecordRejectedException.class, e -> {
                    assertThat(e.code()).isEqualTo(RejectionCodes.INVALID_FILE_NAME);
                    assertThat(e.getMessage()).contains("f-dot").contains("'.pdf'");
                });
    }

    @Test
    void acceptsARawNonAsciiSourceUriByEncodingIt() throws IOException {
        Path dir = Files.createDirectories(root.resolve("été"));
        Path pdf = Files.write(dir.resolve("facture-ä.pdf"), pdfBytes());

        ValidatedFile valid = validator.validate(event("f-utf8", "facture-ä.pdf", "file://" + root + "/été/facture-ä.pdf"));

        assertThat(valid.path()).isEqualTo(pdf.toRealPath());
    }

    @Test
    void aSourceUriThatIsNotAUriSaysWhatIsWrong() {
        assertThatThrownBy(() -> validator.validate(event("f-space", "a b.pdf", "file://" + root + "/a b.pdf")))
                .isInstanceOfSatisfying(RecordRejectedException.class, e -> {
                    assertThat(e.code()).isEqualTo(RejectionCodes.INVALID_SOURCE_URI);
                    assertThat(e.getMessage()).contains("f-space").contains("percent-encoded");
                });
    }

    private static byte[] pdfBytes() {
        byte[] content = new byte[500];
        byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        byte[] end = "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, content, 0, header.length);
        System.arraycopy(end, 0, content, content.length - end.length, end.length);
        return content;
    }

    private void assertRejected(FileRegistered event, String code) {
        assertThatThrownBy(() -> validator.validate(event))
                .isInstanceOfSatisfying(RecordRejectedException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    private static FileRegistered event(String fileId, String name, String uri) {
        return FileRegistered.newBuilder().setFileId(fileId).setFileName(name).setSourceUri(uri).setProfile("std")
                .setRegisteredAt(Instant.EPOCH).build();
    }
}
