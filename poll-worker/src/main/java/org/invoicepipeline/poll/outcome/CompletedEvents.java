package org.invoicepipeline.poll.outcome;

import com.fasterxml.jackson.databind.JsonNode;
import org.invoicepipeline.client.model.ApiError;
import org.invoicepipeline.client.model.ExtractionStatus;
import org.invoicepipeline.client.model.OutputUrls;
import org.invoicepipeline.client.model.PageFailureReason;
import org.invoicepipeline.client.model.PageReference;
import org.invoicepipeline.client.model.ReviewNeeded;
import org.invoicepipeline.events.ErrorInfo;
import org.invoicepipeline.events.ExtractionCompleted;
import org.invoicepipeline.events.ExtractionOutcome;
import org.invoicepipeline.events.ExtractionSubmitted;
import org.invoicepipeline.events.FilePages;
import org.invoicepipeline.events.PageRef;
import org.invoicepipeline.events.Pages;
import org.invoicepipeline.events.PromptSuggestion;
import org.invoicepipeline.events.ReviewNeededItem;
import org.invoicepipeline.events.SignedOutputUrls;
import org.invoicepipeline.events.UncertaintyNote;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Builds the {@link ExtractionCompleted} event of an extraction that reached a terminal status. A completed
 * one carries the status's signed output URLs with their expiry (read time + their documented 5 minutes), when
 * enabled, so the download stage needs no output-endpoint call while they are fresh; they are never logged.
 */
public final class CompletedEvents {

    /** How long the completed status's output URLs are valid (the API's documented 5 minutes). */
    public static final Duration OUTPUT_URL_VALIDITY = Duration.ofMinutes(5);

    private final Clock clock;
    private final boolean carryOutputUrls;

    /** Events that carry the completed status's output URLs. */
    public CompletedEvents(Clock clock) {
        this(clock, true);
    }

    public CompletedEvents(Clock clock, boolean carryOutputUrls) {
        this.clock = clock;
        this.carryOutputUrls = carryOutputUrls;
    }

    public ExtractionCompleted completed(ExtractionSubmitted submitted, ExtractionStatus.Completed status) {
        ReviewNeeded review = status.reviewNeeded();
        return base(submitted, ExtractionOutcome.COMPLETED)
                .setCreditsDeducted(status.creditsDeducted() == null ? null : status.creditsDeducted().longValue())
                .setOutputStructure(status.outputStructure() == null ? null
                        : status.outputStructure().name().toLowerCase(Locale.ROOT))
                .setPages(pages(status.pages()))
                .setReviewNeeded(review == null || review.items() == null ? List.of()
                        : review.items().stream().map(CompletedEvents::reviewItem).toList())
                .setUncertaintyNotes(status.aiUncertaintyNotes() == null ? List.of()
                        : status.aiUncertaintyNotes().stream().map(CompletedEvents::note).toList())
                .setOutputExpiresAt(status.outputExpiresAt())
                .setOutputUrls(carryOutputUrls ? outputUrls(status.output()) : null)
                .build();
    }

    /**
     * The status's URLs, expiring 5 minutes from now: a few milliseconds after the API issued them, which the
     * download stage's {@code output-url-min-validity} margin covers.
     */
    private SignedOutputUrls outputUrls(OutputUrls urls) {
        if (urls == null) {
            return null;
        }
        return new SignedOutputUrls(urls.xlsxUrl(), urls.csvUrl(), urls.jsonUrl(),
                clock.instant().plus(OUTPUT_URL_VALIDITY));
    }

    public ExtractionCompleted cancelled(ExtractionSubmitted submitted, ExtractionStatus.Cancelled status) {
        return base(submitted, ExtractionOutcome.CANCELLED)
                .setCreditsDeducted(status.creditsDeducted() == null ? null : status.creditsDeducted().longValue())
                .setCancellationReason(status.cancellationReason() == null ? null
                        : status.cancellationReason().name().toLowerCase(Locale.ROOT))
                .build();
    }

    /** A failed extraction: the API's failure, or the pipeline's reason for giving up on it. */
    public ExtractionCompleted failed(ExtractionSubmitted submitted, ErrorInfo error) {
        return base(submitted, ExtractionOutcome.FAILED).setError(error).build();
    }

    public static ErrorInfo errorInfo(ApiError error) {
        if (error == null) {
            return ErrorInfo.newBuilder().setCode("EXTRACTION_FAILED")
                    .setMessage("The extraction failed without an error object").setRetryable(false).build();
        }
        JsonNode details = error.details();
        return ErrorInfo.newBuilder()
                .setCode(Objects.requireNonNullElse(error.code(), "EXTRACTION_FAILED"))
                .setMessage(Objects.requireNonNullElse(error.message(), ""))
                .setRetryable(error.isRetryable())
                .setDetailsJson(details == null || details.isNull() || details.isMissingNode() ? null : details.toString())
                .build();
    }

    private ExtractionCompleted.Builder base(ExtractionSubmitted submitted, ExtractionOutcome outcome) {
        return ExtractionCompleted.newBuilder()
                .setSubmissionId(submitted.getSubmissionId())
                .setExtractionId(submitted.getExtractionId())
                .setUploadSessionId(submitted.getUploadSessionId())
                .setProfile(submitted.getProfile())
                .setBatchKey(submitted.getBatchKey())
                .setFiles(submitted.getFiles())
                .setStatus(outcome)
                .setAttempt(submitted.getAttempt())
                .setCompletedAt(clock.instant());
    }

    private static Pages pages(org.invoicepipeline.client.model.Pages pages) {
        if (pages == null) {
            return null;
        }
        return Pages.newBuilder()
                .setSuccessfulCount(pages.successfulCount())
                .setFailedCount(pages.failedCount())
                .setSuccessful(pageRefs(pages.successful()))
                .setFailed(pageRefs(pages.failed()))
                .setFailureReasons(pages.failureReasons() == null ? List.of()
                        : pages.failureReasons().stream().map(CompletedEvents::failureReason).toList())
                .build();
    }

    private static List<PageRef> pageRefs(List<PageReference> refs) {
        return refs == null ? List.of()
                : refs.stream().map(ref -> new PageRef(ref.fileName(), ref.page())).toList();
    }

    private static org.invoicepipeline.events.PageFailureReason failureReason(PageFailureReason reason) {
        return org.invoicepipeline.events.PageFailureReason.newBuilder()
                .setCode(reason.code())
                .setMessage(Objects.requireNonNullElse(reason.message(), ""))
                .setAffectedPages(reason.affectedPages() == null ? List.of()
                        : reason.affectedPages().stream()
                        .map(a -> new FilePages(a.fileName(), a.pages() == null ? List.of() : a.pages()))
                        .toList())
                .build();
    }

    private static ReviewNeededItem reviewItem(org.invoicepipeline.client.model.ReviewNeededItem item) {
        return ReviewNeededItem.newBuilder()
                .setMessage(Objects.requireNonNullElse(item.message(), ""))
                .setAffectedFields(Objects.requireNonNullElse(item.affectedFields(), List.of()))
                .setOutputRowNumbers(Objects.requireNonNullElse(item.outputRowNumbers(), List.of()))
                .setSourceReferences(Objects.requireNonNullElse(item.sourceReferences(), List.of()))
                .build();
    }

    private static UncertaintyNote note(org.invoicepipeline.client.model.UncertaintyNote note) {
        return UncertaintyNote.newBuilder()
                .setTopic(Objects.requireNonNullElse(note.topic(), ""))
                .setDescription(Objects.requireNonNullElse(note.description(), ""))
                .setSuggestedPromptAdditions(note.suggestedPromptAdditions() == null ? List.of()
                        : note.suggestedPromptAdditions().stream()
                        .map(s -> new PromptSuggestion(Objects.requireNonNullElse(s.purpose(), ""),
                                Objects.requireNonNullElse(s.instructions(), List.of())))
                        .toList())
                .build();
    }
}
