package org.invoicepipeline.client.sandbox;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.invoicepipeline.client.ApiErrorCode;
import org.invoicepipeline.client.ApiErrorException;
import org.invoicepipeline.client.AuthenticationException;
import org.invoicepipeline.client.InvoiceExtractionClient;
import org.invoicepipeline.client.http.ClientMetrics;
import org.invoicepipeline.client.model.ExtractionOptions;
import org.invoicepipeline.client.model.ExtractionStatus;
import org.invoicepipeline.client.model.OutputStructure;
import org.invoicepipeline.client.model.SubmitExtractionRequest;
import org.invoicepipeline.client.model.Submission;
import org.invoicepipeline.client.model.UploadFileSpec;
import org.invoicepipeline.sandbox.account.AccountCounters;
import org.invoicepipeline.sandbox.http.ErrorCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Retries, Retry-After and ambiguous failures, with faults injected by the sandbox. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultHandlingIT {

    private SandboxFixture fixture;
    private SimpleMeterRegistry registry;
    private InvoiceExtractionClient client;

    @BeforeAll
    void start() {
        fixture = SandboxFixture.start();
        registry = new SimpleMeterRegistry();
        client = fixture.client(registry);
    }

    @AfterEach
    void clearFaults() {
        fixture.sandbox.control().resetFaults();
    }

    @AfterAll
    void stop() {
        client.close();
        fixture.close();
    }

    @Test
    void waitsOutA429WithItsRetryAfter() {
        fixture.sandbox.control().forceRateLimit("getCreditsBalance", 1, Duration.ofSeconds(1));
        long before429 = counters().calls("getCreditsBalance", 429);

        long start = System.nanoTime();
        client.getCreditsBalance();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(counters().calls("getCreditsBalance", 429) - before429).isEqualTo(1);
        assertThat(took).as("waited the Retry-After, not the 50 ms backoff").isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(registry.get(ClientMetrics.RATE_LIMITED).tag("operation", "getCreditsBalance").counter().count())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void retriesARetryable5xx() {
        fixture.sandbox.control().failNext("getCreditsBalance", 2, ErrorCode.INTERNAL_ERROR);
        long before500 = counters().calls("getCreditsBalance", 500);
        long before200 = counters().calls("getCreditsBalance", 200);

        client.getCreditsBalance();

        assertThat(counters().calls("getCreditsBalance", 500) - before500).isEqualTo(2);
        assertThat(counters().calls("getCreditsBalance", 200) - before200).isEqualTo(1);
    }

    @Test
    void doesNotRetryANonRetryableError() {
        fixture.sandbox.control().failNext("getCreditsBalance", 1, ErrorCode.INVALID_INPUT);
        long before = counters().calls("getCreditsBalance");

        assertThatThrownBy(() -> client.getCreditsBalance()).isInstanceOfSatisfying(ApiErrorException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ApiErrorCode.INVALID_INPUT);
            assertThat(e.httpStatus()).isEqualTo(400);
        });
        assertThat(counters().calls("getCreditsBalance") - before).isEqualTo(1);
        assertThat(registry.get(ClientMetrics.REQUESTS).tag("operation", "getCreditsBalance")
                .tag("outcome", "INVALID_INPUT").timer().count()).isEqualTo(1);
    }

    @Test
    void aSubmitWhoseAnswerWasLostEndsWithExactlyOneExtraction() {
        String session = SandboxFixture.uploadInvoices(client, fixture.samples, fixture.samples.generateMany(1));
        String submissionId = "sub_" + UUID.randomUUID();
        long callsBefore = counters().calls("submitExtraction");
        fixture.sandbox.control().dropConnectionAfterApply("submitExtraction", 1);

        Submission submission = client.submitExtraction(SubmitExtractionRequest.builder()
                .submissionId(submissionId).uploadSessionId(session).fileIds(List.of("file_0"))
                .taskName("Dropped answer").prompt("Extract invoice number and total")
                .outputStructure(OutputStructure.PER_INVOICE).options(ExtractionOptions.typedValues()).build());

        AccountCounters counters = counters();
        assertThat(counters.calls("submitExtraction") - callsBefore).as("dropped, then retried").isEqualTo(2);
        assertThat(counters.extractionsBySubmissionId()).containsEntry(submissionId, 1L);
        assertThat(fixture.sandbox.control().extractionsBySubmissionId(fixture.apiKey).get(submissionId))
                .hasToString(submission.extractionId());
        assertThat(SandboxFixture.awaitSettled(client, submission.extractionId()))
                .isInstanceOf(ExtractionStatus.Completed.class);
    }

    @Test
    void aSessionCreationWhoseAnswerWasLostCreatesOneSession() {
        long before = counters().sessionsCreated();
        long callsBefore = counters().calls("createUploadSession");
        fixture.sandbox.control().dropConnectionAfterApply("createUploadSession", 1);

        var session = client.createUploadSession("sess_" + UUID.randomUUID(),
                List.of(new UploadFileSpec("file_1", "a.pdf", 100)));

        assertThat(session.files()).hasSize(1);
        assertThat(counters().calls("createUploadSession") - callsBefore).as("dropped, then retried").isEqualTo(2);
        assertThat(counters().sessionsCreated() - before).isEqualTo(1);
    }

    @Test
    void aDeleteWhoseAnswerWasLostStillSucceeds() {
        String session = SandboxFixture.uploadInvoices(client, fixture.samples, fixture.samples.generateMany(1));
        Submission submission = client.submitExtraction(SubmitExtractionRequest.builder()
                .submissionId("sub_" + UUID.randomUUID()).uploadSessionId(session).fileIds(List.of("file_0"))
                .taskName("Delete me").prompt("Extract totals").outputStructure(OutputStructure.PER_INVOICE)
                .build());
        SandboxFixture.awaitSettled(client, submission.extractionId());
        fixture.sandbox.control().dropConnectionAfterApply("deleteExtraction", 1);

        client.deleteExtraction(submission.extractionId());

        assertThat(counters().calls("deleteExtraction", 404)).as("the retry found it gone").isEqualTo(1);
        assertThatThrownBy(() -> client.getExtraction(submission.extractionId()))
                .isInstanceOfSatisfying(ApiErrorException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ApiErrorCode.EXTRACTION_NOT_FOUND));
    }

    @Test
    void aSlowAnswerTimesOutButALongPollGetsItsWaitOnTop() {
        String session = SandboxFixture.uploadInvoices(client, fixture.samples, fixture.samples.generateMany(1));
        Submission submission = client.submitExtraction(SubmitExtractionRequest.builder()
                .submissionId("sub_" + UUID.randomUUID()).uploadSessionId(session).fileIds(List.of("file_0"))
                .taskName("Timeouts").prompt("Extract totals").outputStructure(OutputStructure.PER_INVOICE).build());
        fixture.sandbox.control().addLatency("getCreditsBalance", Duration.ofMillis(1500));
        fixture.sandbox.control().addLatency("getExtraction", Duration.ofMillis(1500));
        try (InvoiceExtractionClient impatient = InvoiceExtractionClient.create(fixture.options()
                .readTimeout(Duration.ofSeconds(1)).retryPolicy(org.invoicepipeline.client.RetryPolicy.none()).build())) {

            assertThatThrownBy(impatient::getCreditsBalance)
                    .isInstanceOf(org.invoicepipeline.client.ApiTransportException.class)
                    .hasCauseInstanceOf(java.net.http.HttpTimeoutException.class);
            assertThat(impatient.getExtraction(submission.extractionId(), Duration.ofSeconds(2)).extractionId())
                    .isEqualTo(submission.extractionId());
        }
    }

    @Test
    void aWrongKeyFailsAtOnceAsAuthenticationFailure() {
        try (InvoiceExtractionClient wrongKey = InvoiceExtractionClient.create(
                fixture.options().apiKey("sk_test_not_a_key").build())) {
            assertThatThrownBy(wrongKey::getCreditsBalance).isInstanceOfSatisfying(AuthenticationException.class,
                    e -> {
                        assertThat(e.errorCode()).isEqualTo(ApiErrorCode.UNAUTHENTICATED);
                        assertThat(e.getMessage()).doesNotContain("sk_test_not_a_key");
                    });
        }
    }

    private AccountCounters counters() {
        return fixture.sandbox.control().counters(fixture.apiKey);
    }
}
