package org.invoicepipeline.client.sandbox;

import org.invoicepipeline.client.InvoiceExtractionClient;
import org.invoicepipeline.client.SignedUrlException;
import org.invoicepipeline.client.model.CompletedFile;
import org.invoicepipeline.client.model.ExtractionOptions;
import org.invoicepipeline.client.model.OutputFormat;
import org.invoicepipeline.client.model.OutputStructure;
import org.invoicepipeline.client.model.SubmitExtractionRequest;
import org.invoicepipeline.client.model.UploadFileSpec;
import org.invoicepipeline.client.model.UploadSession;
import org.invoicepipeline.client.upload.UploadSource;
import org.invoicepipeline.common.kafka.FailureClassifier;
import org.invoicepipeline.common.kafka.StageFailure;
import org.invoicepipeline.sandbox.account.AccountCounters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Storage refusing signed URLs for a few seconds (issue 8, case 4): the client asks for fresh URLs with back-off
 * until its time window runs out, instead of giving up after two immediate refreshes.
 */
class SignedUrlRefusalIT {

    private static final Duration REFUSAL = Duration.ofSeconds(3);

    private SandboxFixture fixture;
    private InvoiceExtractionClient client;

    @BeforeEach
    void start() {
        fixture = SandboxFixture.start();
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        fixture.close();
    }

    @Test
    void aFileUploadsWhenItsPartUrlsAreRefusedForAFewSeconds() {
        client = fixture.client();
        byte[] pdf = fixture.samples.toPdf(fixture.samples.generate(1));
        UploadSession session = client.createUploadSession("sess_refused",
                List.of(new UploadFileSpec("file_1", "a.pdf", pdf.length)));
        fixture.sandbox.control().refuseSignedUrls("uploadPart", REFUSAL);
        long start = System.nanoTime();

        CompletedFile completed = client.uploadFile(session, "file_1", UploadSource.ofBytes("a.pdf", pdf));

        assertThat(completed.fileId()).isEqualTo("file_1");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("waited the refusal out")
                .isGreaterThanOrEqualTo(REFUSAL.minusMillis(200));
        AccountCounters counters = fixture.sandbox.control().counters(fixture.apiKey);
        assertThat(counters.filesCompleted()).isEqualTo(1);
        assertThat(counters.calls("getUploadPartUrls")).as("fresh URLs asked for with back-off, not in a tight loop")
                .isBetween(2L, 40L);
    }

    @Test
    void anOutputDownloadsWhenItsUrlIsRefusedForAFewSeconds() {
        client = fixture.client();
        String extractionId = completedExtraction();
        fixture.sandbox.control().refuseSignedUrls("downloadOutput", REFUSAL);
        ByteArrayOutputStream json = new ByteArrayOutputStream();

        long bytes = client.downloadOutput(extractionId, OutputFormat.JSON, json);

        assertThat(bytes).isPositive();
        assertThat(json.toString()).contains("Invoice Number");
    }

    @Test
    void aRefusalOutlastingTheWindowEndsInARetryableSignedUrlFailure() {
        client = InvoiceExtractionClient.create(fixture.options().signedUrlRetryWindow(Duration.ofSeconds(2)).build());
        String extractionId = completedExtraction();
        fixture.sandbox.control().refuseSignedUrls("downloadOutput", Duration.ofMinutes(5));
        long start = System.nanoTime();

        assertThatThrownBy(() -> client.downloadOutput(extractionId, OutputFormat.CSV, new ByteArrayOutputStream()))
                .isInstanceOfSatisfying(SignedUrlException.class, refused -> {
                    assertThat(refused.httpStatus()).isEqualTo(403);
                    assertThat(refused.isRetryable()).isTrue();
                    StageFailure failure = FailureClassifier.classify(refused);
                    assertThat(failure.code()).isEqualTo(FailureClassifier.SIGNED_URL_REFUSED);
                    assertThat(failure.retryable()).isEqualTo(refused.isRetryable());
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("bounded by the window, not by a count")
                .isBetween(Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    private String completedExtraction() {
        String sessionId = SandboxFixture.uploadInvoices(client, fixture.samples, List.of(fixture.samples.generate(2)));
        String extractionId = client.submitExtraction(SubmitExtractionRequest.builder().submissionId("sub_" + sessionId)
                .uploadSessionId(sessionId).fileIds(List.of("file_0")).taskName("refusal")
                .prompt("Extract invoice number and total amount").outputStructure(OutputStructure.PER_INVOICE)
                .options(ExtractionOptions.typedValues()).build()).extractionId();
        SandboxFixture.awaitSettled(client, extractionId);
        return extractionId;
    }
}
