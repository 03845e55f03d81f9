package org.invoicepipeline.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.invoicepipeline.client.ApiErrorException;
import org.invoicepipeline.client.InvoiceExtractionClient;
import org.invoicepipeline.client.Operation;
import org.invoicepipeline.client.model.CreditsBalance;
import org.invoicepipeline.client.model.Prompt;
import org.invoicepipeline.client.model.SubmitExtractionRequest;
import org.invoicepipeline.client.model.Submission;
import org.invoicepipeline.common.kafka.StageBackPressureException;
import org.invoicepipeline.submit.admission.AdmissionGate;
import org.junit.jupiter.api.Test;

class ExtractionSubmitterTest {

    private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SubmitExtractionRequest request = SubmitExtractionRequest.builder().submissionId("sub-x-1")
            .uploadSessionId("us-x").fileIds(List.of("f1", "f2")).taskName("Test task").prompt(Prompt.text("Totals"))
            .build();

    @Test
    void aSubmissionIdAlreadyUsedByThisSessionYieldsTheExistingExtractionInsteadOfASecondOne() throws Exception {
        ApiErrorException used = new ApiErrorException(Operation.SUBMIT_EXTRACTION, 409, "SUBMISSION_ID_ALREADY_USED",
                "used", false, JSON.readTree("{\"extraction_id\":\"e-1\",\"differing_fields\":[\"prompt\"]}"), null);

        String extractionId = submitter(() -> { throw used; }).submit(request);

        assertThat(extractionId).isEqualTo("e-1");
    }

    @Test
    void pausedSubmissionsHoldUntilTheResumeTimeCappedByTheMaximum() throws Exception {
        ApiErrorException soon = new ApiErrorException(Operation.SUBMIT_EXTRACTION, 503, "SUBMISSIONS_PAUSED", "paused",
                true, JSON.readTree("{\"resumes_at\":\"2026-01-15T10:00:20Z\"}"), null);
        ApiErrorException late = new ApiErrorException(Operation.SUBMIT_EXTRACTION, 503, "SUBMISSIONS_PAUSED", "paused",
                true, JSON.readTree("{\"resumes_at\":\"2026-01-15T12:00:00Z\"}"), null);

        assertThatThrownBy(() -> submitter(() -> { throw soon; }).submit(request))
                .isInstanceOfSatisfying(StageBackPressureException.class, e -> {
                    assertThat(e.reason()).isEqualTo("SUBMISSIONS_PAUSED");
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(20));
                });
        assertThatThrownBy(() -> submitter(() -> { throw late; }).submit(request))
                .isInstanceOfSatisfying(StageBackPressureException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(5)));
    }

    @Test
    void otherApiErrorsAreLeftToTheErrorHandler() {
        ApiErrorException invalid = new ApiErrorException(Operation.SUBMIT_EXTRACTION, 400, "INVALID_INPUT", "bad",
                false, null, null);

        assertThatThrownBy(() -> submitter(() -> { throw invalid; }).submit(request)).isSameAs(invalid);
    }

    private static ExtractionSubmitter submitter(Supplier<Submission> submit) {
        InvoiceExtractionClient client = (InvoiceExtractionClient) Proxy.newProxyInstance(
                InvoiceExtractionClient.class.getClassLoader(), new Class<?>[] {InvoiceExtractionClient.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "submitExtraction" -> submit.get();
                    case "getCreditsBalance" -> new CreditsBalance(100, 0);
                    default -> throw new IllegalStateException("unexpected call " + method.getName());
                });
        AdmissionGate gate = new AdmissionGate(client, new AdmissionGate.Settings(true, 1, Duration.ofSeconds(5),
                Duration.ofSeconds(30)), CLOCK, new SimpleMeterRegistry());
        return new ExtractionSubmitter(client, gate, Duration.ofSeconds(60), Duration.ofMinutes(5), CLOCK);
    }
}
