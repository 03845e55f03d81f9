package org.invoicepipeline.client.sandbox;

import org.invoicepipeline.client.ApiErrorCode;
import org.invoicepipeline.client.ApiErrorException;
import org.invoicepipeline.client.InvoiceExtractionClient;
import org.invoicepipeline.client.model.CompletedFile;
import org.invoicepipeline.client.model.UploadFileSpec;
import org.invoicepipeline.client.model.UploadSession;
import org.invoicepipeline.client.upload.UploadSource;
import org.invoicepipeline.sandbox.account.AccountCounters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Files larger than the part size, against a sandbox with a 1 MiB part size. */
class MultipartUploadIT {

    private static final long PART_SIZE = 1024 * 1024;

    private SandboxFixture fixture;
    private InvoiceExtractionClient client;

    @BeforeEach
    void start() {
        fixture = SandboxFixture.start(b -> b.partSizeBytes(PART_SIZE));
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        fixture.close();
    }

    @Test
    void uploadsAFileLargerThanThePartSizeInCeilSizeOverPartSizeParts(@TempDir Path dir) throws IOException {
        client = fixture.client();
        long size = 3 * PART_SIZE + 12_345;
        UploadSource source = UploadSource.ofPath(randomFile(dir.resolve("big.pdf"), size));
        UploadSession session = client.createUploadSession("sess_multi",
                List.of(new UploadFileSpec("file_1", "big.pdf", size)));

        CompletedFile completed = client.uploadFile(session, "file_1", source);

        assertThat(session.file("file_1").partSize()).isEqualTo(PART_SIZE);
        assertThat(completed.completedByThisCall()).isTrue();
        AccountCounters counters = fixture.sandbox.control().counters(fixture.apiKey);
        assertThat(counters.partsUploaded()).isEqualTo(4);
        assertThat(counters.filesCompleted()).as("the sandbox accepted the declared size").isEqualTo(1);
    }

    @Test
    void requestsPartUrlsInBatchesJustBeforeUse(@TempDir Path dir) throws IOException {
        client = InvoiceExtractionClient.create(fixture.options().partUrlBatchSize(2).build());
        long size = 5 * PART_SIZE;
        UploadSession session = client.createUploadSession("sess_batches",
                List.of(new UploadFileSpec("file_1", "five.pdf", size)));

        client.uploadFile(session, "file_1", UploadSource.ofPath(randomFile(dir.resolve("five.pdf"), size)));

        AccountCounters counters = fixture.sandbox.control().counters(fixture.apiKey);
        assertThat(counters.calls("getUploadPartUrls")).as("batches of 2, 2 and 1").isEqualTo(3);
        assertThat(counters.partsUploaded()).isEqualTo(5);
        assertThat(counters.filesCompleted()).isEqualTo(1);
    }

    @Test
    void requestsAFreshUrlWhenStorageRefusesAnExpiredOne(@TempDir Path dir) throws IOException {
        client = fixture.client();
        long size = 2 * PART_SIZE + 1;
        UploadSource file = UploadSource.ofPath(randomFile(dir.resolve("expiring.pdf"), size));
        AtomicBoolean expired = new AtomicBoolean();
        UploadSource expiringMidUpload = new UploadSource() {
            @Override
            public String fileName() {
                return file.fileName();
            }

            @Override
            public long sizeBytes() {
                return file.sizeBytes();
            }

            @Override
            public InputStream openRange(long offset, long length) throws IOException {
                if (offset == PART_SIZE && expired.compareAndSet(false, true)) {
                    // Every URL issued so far (the whole batch) stops working while part 2 is on its way.
                    fixture.sandbox.control().expireIssuedSignedUrls();
                }
                return file.openRange(offset, length);
            }
        };
        UploadSession session = client.createUploadSession("sess_expiring",
                List.of(new UploadFileSpec("file_1", "expiring.pdf", size)));

        CompletedFile completed = client.uploadFile(session, "file_1", expiringMidUpload);

        assertThat(expired).isTrue();
        assertThat(completed.fileId()).isEqualTo("file_1");
        AccountCounters counters = fixture.sandbox.control().counters(fixture.apiKey);
        assertThat(counters.calls("getUploadPartUrls")).as("one batch, then a fresh one").isEqualTo(2);
        assertThat(counters.partsUploaded()).isEqualTo(3);
        assertThat(counters.filesCompleted()).isEqualTo(1);
    }

    @Test
    void aSizeMismatchFailsAtOnceWithItsCode(@TempDir Path dir) throws IOException {
        client = fixture.client();
        long declared = 2 * PART_SIZE;
        UploadSession session = client.createUploadSession("sess_mismatch",
                List.of(new UploadFileSpec("file_1", "short.pdf", declared)));
        UploadSource shorter = UploadSource.ofPath(randomFile(dir.resolve("short.pdf"), declared - 10));

        assertThatThrownBy(() -> client.uploadFile(session, "file_1", shorter))
                .isInstanceOfSatisfying(ApiErrorException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ApiErrorCode.OBJECT_SIZE_MISMATCH);
                    assertThat(e.httpStatus()).isEqualTo(422);
                    assertThat(e.isRetryable()).isFalse();
                });
        assertThat(fixture.sandbox.control().counters(fixture.apiKey).calls("completeFileUpload"))
                .as("not retried").isEqualTo(1);
    }

    private static Path randomFile(Path path, long size) throws IOException {
        byte[] bytes = new byte[(int) size];
        new Random(size).nextBytes(bytes);
        return Files.write(path, bytes);
    }
}
