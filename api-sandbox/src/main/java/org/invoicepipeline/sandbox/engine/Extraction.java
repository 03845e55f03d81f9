package org.invoicepipeline.sandbox.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.invoicepipeline.sandbox.document.ReadDocument;
import org.invoicepipeline.sandbox.extraction.Answer;
import org.invoicepipeline.sandbox.extraction.ExtractionOutcome;
import org.invoicepipeline.sandbox.extraction.ExtractionSpec;
import org.invoicepipeline.sandbox.extraction.Question;
import org.invoicepipeline.sandbox.output.OutputFormat;

/**
 * One extraction's live state. Every transition is synchronized on the instance; listeners waiting
 * for the status to leave {@code processing} (held long-poll requests) are run outside the lock.
 */
public final class Extraction {

    private final UUID id;
    private final long sequence;
    private final Submission submission;
    private final List<String> fileNames;
    private final Instant createdAt;
    private final Instant answerBy;
    private final Instant outputExpiresAt;

    private ExtractionStatus status = ExtractionStatus.PROCESSING;
    private int pagesTotal;
    private int pagesDone;
    private long creditsReserved;
    private Long creditsDeducted;
    private Failure failure;
    private Instant cancelRequestedAt;
    private String cancellationReason;
    private List<Question> openQuestions = List.of();
    private final Map<String, Question> askedQuestions = new LinkedHashMap<>();
    private final Map<String, Answer> pendingAnswers = new LinkedHashMap<>();
    private final Set<String> rejectedQuestionIds = new HashSet<>();
    private int refusedAnswers;
    private boolean questionsAnswered;
    private ExtractionSpec spec;
    private List<ReadDocument> documents = List.of();
    /** The outcome worked out for {@link #spec} while processing, so it is computed once per spec. */
    private ExtractionOutcome specOutcome;
    private ExtractionOutcome outcome;
    private Map<OutputFormat, byte[]> outputs = Map.of();
    private final List<Runnable> leaveProcessingListeners = new ArrayList<>();

    Extraction(UUID id, long sequence, Submission submission, List<String> fileNames, Instant createdAt,
               Instant answerBy, Instant outputExpiresAt) {
        this.id = id;
        this.sequence = sequence;
        this.submission = submission;
        this.fileNames = List.copyOf(fileNames);
        this.createdAt = createdAt;
        this.answerBy = answerBy;
        this.outputExpiresAt = outputExpiresAt;
    }

    public UUID id() {
        return id;
    }

    /** Creation order within the sandbox, for newest-first listing and cursors. */
    public long sequence() {
        return sequence;
    }

    public Submission submission() {
        return submission;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public synchronized ExtractionStatus status() {
        return status;
    }

    public synchronized ExtractionSnapshot snapshot() {
        int progress = switch (status) {
            case COMPLETED -> 100;
            case PROCESSING, INPUT_REQUIRED -> pagesTotal == 0 ? 0 : Math.min(99, pagesDone * 100 / pagesTotal);
            default -> pagesTotal == 0 ? 0 : pagesDone * 100 / pagesTotal;
        };
        return new ExtractionSnapshot(id, submission, fileNames, createdAt, status, progress, creditsDeducted, failure,
                cancelRequestedAt, cancellationReason, openQuestions, Set.copyOf(rejectedQuestionIds), answerBy, outcome,
                outputs.isEmpty() ? Set.of() : EnumSet.copyOf(outputs.keySet()), outputExpiresAt);
    }

    public synchronized Optional<byte[]> output(OutputFormat format) {
        return Optional.ofNullable(outputs.get(format));
    }

    /**
     * Runs {@code listener} once the status leaves {@code processing}; answers {@code false} (and
     * does not register it) when it already has.
     */
    public synchronized boolean onLeaveProcessing(Runnable listener) {
        if (status != ExtractionStatus.PROCESSING) {
            return false;
        }
        leaveProcessingListeners.add(listener);
        return true;
    }

    public synchronized void removeListener(Runnable listener) {
        leaveProcessingListeners.remove(listener);
    }

    // --- transitions, called by the engine --------------------------------------------------------

    synchronized void prepared(List<ReadDocument> readDocuments, ExtractionSpec extractionSpec, int totalPages,
                               long reserved) {
        this.documents = List.copyOf(readDocuments);
        this.spec = extractionSpec;
        this.pagesTotal = totalPages;
        this.creditsReserved = reserved;
    }

    synchronized List<ReadDocument> documents() {
        return documents;
    }

    synchronized ExtractionSpec spec() {
        return spec;
    }

    /** The outcome already worked out for {@code forSpec}, if it is still the current spec. */
    synchronized Optional<ExtractionOutcome> outcomeFor(ExtractionSpec forSpec) {
        return forSpec == spec ? Optional.ofNullable(specOutcome) : Optional.empty();
    }

    /** Keeps the outcome worked out for {@code forSpec}, unless answers have replaced that spec meanwhile. */
    synchronized void keepOutcome(ExtractionSpec forSpec, ExtractionOutcome worked) {
        if (forSpec == spec && status == ExtractionStatus.PROCESSING) {
            specOutcome = worked;
        }
    }

    synchronized long creditsReserved() {
        return creditsReserved;
    }

    synchronized int pagesDone() {
        return pagesDone;
    }

    synchronized int pagesTotal() {
        return pagesTotal;
    }

    synchronized boolean questionsAnswered() {
        return questionsAnswered;
    }

    /** One more page processed; answers whether every page is now done. */
    synchronized boolean pageDone() {
        return pagesDone(1);
    }

    /** {@code pages} more pages processed (at most the rest); whether every page is done. */
    synchronized boolean pagesDone(int pages) {
        pagesDone = Math.min(pagesTotal, pagesDone + pages);
        return pagesDone >= pagesTotal;
    }

    synchronized boolean cancelRequested() {
        return cancelRequestedAt != null;
    }

    /** Records a cancellation request; answers the time it was first recorded. */
    synchronized Instant requestCancel(Instant now) {
        if (cancelRequestedAt == null) {
            cancelRequestedAt = now;
        }
        return cancelRequestedAt;
    }

    synchronized List<Runnable> fail(Failure why) {
        status = ExtractionStatus.FAILED;
        failure = why;
        return finished();
    }

    synchronized List<Runnable> askQuestions(List<Question> questions) {
        status = ExtractionStatus.INPUT_REQUIRED;
        openQuestions = List.copyOf(questions);
        questions.forEach(q -> askedQuestions.put(q.questionId(), q));
        pendingAnswers.clear();
        return drainListeners();
    }

    /** Every question this extraction ever asked, by id. */
    public synchronized Map<String, Question> askedQuestions() {
        return Map.copyOf(askedQuestions);
    }

    /** What became of a batch of answers. */
    enum AnswerEffect { NONE, WAITING, CONTINUED, REFUSED_TOO_OFTEN }

    /**
     * Records answers to open questions (answers to anything else change nothing). A refused answer
     * leaves its question open, marked as previously rejected. When every open question has an
     * accepted answer, the extraction goes back to processing with them.
     */
    synchronized AnswerEffect answer(List<Answer> answers) {
        if (status != ExtractionStatus.INPUT_REQUIRED) {
            return AnswerEffect.NONE;
        }
        for (Answer answer : answers) {
            if (openQuestions.stream().noneMatch(q -> q.questionId().equals(answer.questionId()))) {
                continue;
            }
            if (AnswerScreening.refused(answer)) {
                rejectedQuestionIds.add(answer.questionId());
                pendingAnswers.remove(answer.questionId());
                if (++refusedAnswers >= AnswerScreening.MAX_REFUSALS) {
                    return AnswerEffect.REFUSED_TOO_OFTEN;
                }
            } else {
                pendingAnswers.put(answer.questionId(), answer);
                rejectedQuestionIds.remove(answer.questionId());
            }
        }
        List<Question> stillOpen = openQuestions.stream()
                .filter(q -> !pendingAnswers.containsKey(q.questionId())).toList();
        if (!stillOpen.isEmpty()) {
            openQuestions = stillOpen;
            return AnswerEffect.WAITING;
        }
        spec = spec.withAnswers(List.copyOf(pendingAnswers.values()));
        specOutcome = null;
        pendingAnswers.clear();
        openQuestions = List.of();
        questionsAnswered = true;
        status = ExtractionStatus.PROCESSING;
        return AnswerEffect.CONTINUED;
    }

    synchronized List<Runnable> complete(ExtractionOutcome result, Map<OutputFormat, byte[]> files, long charged) {
        outcome = result;
        outputs = new EnumMap<>(files);
        creditsDeducted = charged;
        pagesDone = pagesTotal;
        status = ExtractionStatus.COMPLETED;
        return finished();
    }

    synchronized List<Runnable> cancel(String reason, long charged) {
        status = ExtractionStatus.CANCELLED;
        cancellationReason = reason;
        creditsDeducted = charged;
        openQuestions = List.of();
        return finished();
    }

    synchronized void dropOutputs() {
        outputs = Map.of();
    }

    /** A finished extraction no longer needs its documents' text or a working outcome. */
    private List<Runnable> finished() {
        documents = List.of();
        specOutcome = null;
        return drainListeners();
    }

    private List<Runnable> drainListeners() {
        List<Runnable> listeners = List.copyOf(leaveProcessingListeners);
        leaveProcessingListeners.clear();
        return listeners;
    }
}
