package org.invoicepipeline.submit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.invoicepipeline.client.ApiErrorCode;
import org.invoicepipeline.client.ApiErrorException;
import org.invoicepipeline.client.InvoiceExtractionClient;
import org.invoicepipeline.client.model.SubmitExtractionRequest;
import org.invoicepipeline.common.profile.SubmissionIds;
import org.invoicepipeline.submit.admission.AdmissionGate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one API call of the stage. The request's {@code submission_id} is derived from the session and the
 * attempt, so a replay after a crash returns the extraction the first call created. Two refusals are not
 * errors of the record: {@code SUBMISSIONS_PAUSED} holds the stage until the API's resume time, and
 * {@code SUBMISSION_ID_ALREADY_USED} means this session's extraction already exists (a replay whose request
 * differs, e.g. after the profile was edited): its id is taken from the error, and no second extraction is
 * created.
 */
public class ExtractionSubmitter {

    private static final Logger log = LoggerFactory.getLogger(ExtractionSubmitter.class);

    private final InvoiceExtractionClient client;
    private final AdmissionGate admission;
    private final Duration pausedWait;
    private final Duration maxPausedWait;
    private final Clock clock;

    public ExtractionSubmitter(InvoiceExtractionClient client, AdmissionGate admission, Duration pausedWait,
                               Duration maxPausedWait, Clock clock) {
        this.client = client;
        this.admission = admission;
        this.pausedWait = pausedWait;
        this.maxPausedWait = maxPausedWait;
        this.clock = clock;
    }

    /** Submits and returns the extraction id. */
    public String submit(SubmitExtractionRequest request) {
        try {
            String extractionId = client.submitExtraction(request).extractionId();
            admission.submitted(request.fileIds().size());
            return extractionId;
        }
        catch (ApiErrorException e) {
            if (e.errorCode() == ApiErrorCode.SUBMISSIONS_PAUSED) {
                admission.submissionsPaused("the API pauses submissions", pausedWaitOf(e));
            }
            Optional<String> existing = SubmissionIds.alreadyCreated(e);
            if (existing.isPresent()) {
                log.warn("submission {} already created extraction {} with a different request ({}); using it",
                        request.submissionId(), existing.get(),
                        e.details().map(d -> d.path("differing_fields").toString()).orElse("[]"));
                admission.submitted(request.fileIds().size());
                return existing.get();
            }
            throw e;
        }
    }

    /** Retry-After, else {@code details.resumes_at}, else the configured wait; never beyond the maximum. */
    private Duration pausedWaitOf(ApiErrorException e) {
        Duration wait = e.retryAfter().orElseGet(() -> e.details()
                .map(d -> d.path("resumes_at"))
                .filter(JsonNode::isTextual)
                .flatMap(node -> untilInstant(node.asText()))
                .orElse(pausedWait));
        if (wait.compareTo(maxPausedWait) > 0) {
            return maxPausedWait;
        }
        return wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait;
    }

    private Optional<Duration> untilInstant(String text) {
        try {
            return Optional.of(Duration.between(clock.instant(), Instant.parse(text)));
        }
        catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
