package org.invoicepipeline.poll.wait;

import org.invoicepipeline.client.ApiErrorCode;
import org.invoicepipeline.client.ApiErrorException;
import org.invoicepipeline.client.InvoiceExtractionClient;
import org.invoicepipeline.client.model.Answer;
import org.invoicepipeline.client.model.ApiError;
import org.invoicepipeline.client.model.ExtractionStatus;
import org.invoicepipeline.client.model.Question;
import org.invoicepipeline.events.ErrorInfo;
import org.invoicepipeline.events.ExtractionSubmitted;
import org.invoicepipeline.poll.failure.ExtractionDeadline;
import org.invoicepipeline.poll.failure.FailedExtractionDecision;
import org.invoicepipeline.poll.outcome.CompletedEvents;
import org.invoicepipeline.poll.outcome.OutcomePublisher;
import org.invoicepipeline.poll.outcome.Resubmitter;
import org.invoicepipeline.poll.questions.AnswerPolicy;
import org.invoicepipeline.poll.questions.QuestionEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Carries out the {@link PollStep}s that act on the API or publish: each method returns once its events were
 * acknowledged, or throws, leaving the extraction in flight to be checked again. Ending the watch and committing
 * is the {@link ExtractionWaiter}'s job.
 */
public final class ExtractionOutcomes {

    private static final Logger log = LoggerFactory.getLogger(ExtractionWaiter.class);

    private final InvoiceExtractionClient client;
    private final OutcomePublisher publisher;
    private final Resubmitter resubmitter;
    private final CompletedEvents events;
    private final QuestionEvents questionEvents;
    private final AnswerPolicy answerPolicy;
    private final ExtractionDeadline deadline;
    private final PollMetrics metrics;
    private final Clock clock;

    public ExtractionOutcomes(InvoiceExtractionClient client, OutcomePublisher publisher, Resubmitter resubmitter,
                              CompletedEvents events, QuestionEvents questionEvents, AnswerPolicy answerPolicy,
                              ExtractionDeadline deadline, PollMetrics metrics, Clock clock) {
        this.client = client;
        this.publisher = publisher;
        this.resubmitter = resubmitter;
        this.events = events;
        this.questionEvents = questionEvents;
        this.answerPolicy = answerPolicy;
        this.deadline = deadline;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Publishes a completed or cancelled extraction; returns the status it ended with. */
    String publish(ExtractionWatch watch, ExtractionStatus status) {
        if (status instanceof ExtractionStatus.Cancelled cancelled) {
            publisher.completed(events.cancelled(watch.event(), cancelled));
            return "cancelled";
        }
        publisher.completed(events.completed(watch.event(), (ExtractionStatus.Completed) status));
        return "completed";
    }

    void fail(ExtractionWatch watch, ErrorInfo error) {
        publisher.completed(events.failed(watch.event(), error));
    }

    /** A FAILED completion of every file first, then the dead letter. */
    void failAndDeadLetter(ExtractionWatch watch, PollStep.FailAndDeadLetter step) {
        if (step.failure().code().equals(PollPolicy.ATTEMPTS_EXHAUSTED)) {
            log.info("Extraction {} failed on all {} submission attempts; giving up", watch.extractionId(),
                    step.attempts());
        }
        else {
            log.warn("Giving up on extraction {}: {} {}", watch.extractionId(), step.failure().code(),
                    step.failure().message());
        }
        publisher.giveUp(events.failed(watch.event(), step.error()), watch.record(), step.failure(), step.attempts());
        metrics.deadLettered(step.failure().code());
    }

    /** Submits the same files again under the next attempt's submission id and publishes that attempt. */
    void resubmit(ExtractionWatch watch, ApiError failure) {
        ExtractionSubmitted next = resubmitter.resubmit(watch.event());
        publisher.resubmitted(next);
        metrics.resubmitted(failure.code());
        log.info("Extraction {} resubmitted as {} (attempt {})", watch.extractionId(), next.getExtractionId(),
                next.getAttempt());
    }

    /**
     * The files the failure names fail on their own (a FAILED completion of just them, under this submission),
     * the others are submitted again at once as a new extraction. Resubmitting first: if it fails, nothing was
     * published and the whole decision is taken again on the next check, with the same ids.
     */
    void resubmitWithout(ExtractionWatch watch, PollStep.ResubmitWithout step) {
        FailedExtractionDecision decision = step.decision();
        ExtractionSubmitted event = watch.event();
        ExtractionSubmitted next = resubmitter.resubmitOnly(event, decision.resubmitted());
        publisher.resubmitted(next);
        ExtractionSubmitted failingOnly = ExtractionSubmitted.newBuilder(event).setFiles(decision.failing()).build();
        publisher.completed(events.failed(failingOnly, CompletedEvents.errorInfo(step.failure())));
        metrics.resubmitted(step.failure().code());
        log.info("Extraction {} failed with {} for {}; the other {} file(s) resubmitted as {} (attempt {})",
                watch.extractionId(), step.failure().code(),
                decision.failing().stream().map(f -> f.getFileName()).toList(),
                decision.resubmitted().size(), next.getExtractionId(), next.getAttempt());
    }

    /**
     * Publishes the questions once per set, and answers them with the recommendations when the profile says so.
     * Returns the status after answering, or {@code null} when nothing was answered.
     */
    ExtractionStatus ask(ExtractionWatch watch, ExtractionStatus.InputRequired status) {
        ExtractionSubmitted event = watch.event();
        boolean accept = answerPolicy.acceptsRecommended(event.getProfile());
        String questionsKey = status.questions().stream()
                .map(q -> q.questionId() + (q.wasPreviousAnswerRejected() ? "!" : ""))
                .sorted().collect(Collectors.joining(","));
        if (watch.firstSightOf(questionsKey)) {
            publisher.questions(questionEvents.asked(event, status, accept));
            metrics.questionsPublished();
        }
        List<String> ids = status.questions().stream().map(Question::questionId).toList();
        if (!accept || ids.isEmpty() || !watch.markAnswered(ids)) {
            return null;
        }
        List<Answer> answers = ids.stream().map(Answer::acceptRecommended).toList();
        ExtractionStatus after = client.answerQuestions(watch.extractionId(), answers);
        metrics.questionsAnswered(answers.size());
        log.info("Answered {} question(s) of extraction {} with the recommendations", answers.size(),
                watch.extractionId());
        return after;
    }

    /**
     * Cancels an extraction that outlived the deadline and fails its files with the deadline's code. Returns false
     * when it ended meanwhile (not cancellable any more): its final status is handled on the next check instead.
     */
    boolean cancelAtDeadline(ExtractionWatch watch, String statusName) {
        try {
            client.cancelExtraction(watch.extractionId());
        }
        catch (ApiErrorException e) {
            if (e.errorCode() == ApiErrorCode.EXTRACTION_NOT_CANCELLABLE) {
                return false;
            }
            throw e;
        }
        ErrorInfo info = deadline.error(watch.extractionId(), statusName, watch.event().getSubmittedAt(),
                clock.instant());
        log.warn("Extraction {} outlived the deadline ({} since submission); cancelled", watch.extractionId(),
                deadline.maxAge());
        publisher.completed(events.failed(watch.event(), info));
        return true;
    }
}
