package org.invoicepipeline.sandbox.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.invoicepipeline.sandbox.account.Account;
import org.invoicepipeline.sandbox.account.CreditsSnapshot;
import org.invoicepipeline.sandbox.document.ReadDocument;
import org.invoicepipeline.sandbox.extraction.Answer;
import org.invoicepipeline.sandbox.extraction.ExtractionOutcome;
import org.invoicepipeline.sandbox.extraction.ExtractionSpec;
import org.invoicepipeline.sandbox.extraction.OutputStructure;
import org.invoicepipeline.sandbox.extraction.SystemColumn;
import org.invoicepipeline.sandbox.fault.FaultPlan;
import org.invoicepipeline.sandbox.http.Details;
import org.invoicepipeline.sandbox.output.OutputFormat;
import org.invoicepipeline.sandbox.time.SandboxClock;
import org.invoicepipeline.sandbox.upload.SessionFile;

/**
 * Runs extractions on a simulated clock: reads the documents, reserves credits, advances up to
 * {@code pagesInParallel} pages per {@code pageProcessingTime}, stops to ask questions, and completes with charged pages
 * and rendered outputs, or fails, or is cancelled.
 */
public final class ExtractionEngine {

    private static final Logger LOG = LoggerFactory.getLogger(ExtractionEngine.class);

    /** One account's extractions, guarded by itself for submission idempotency and the concurrency limit. */
    private static final class AccountExtractions {
        final Map<UUID, Extraction> byId = new ConcurrentHashMap<>();
        final Map<String, Extraction> bySubmissionId = new ConcurrentHashMap<>();
    }

    private final EngineSettings settings;
    private final DocumentPipeline pipeline;
    private final FaultPlan faults;
    private final SandboxClock clock;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService workers;
    private final Map<String, AccountExtractions> accounts = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    public ExtractionEngine(EngineSettings settings, DocumentPipeline pipeline, FaultPlan faults, SandboxClock clock,
                            ScheduledExecutorService scheduler, ExecutorService workers) {
        this.settings = settings;
        this.pipeline = pipeline;
        this.faults = faults;
        this.clock = clock;
        this.scheduler = scheduler;
        this.workers = workers;
    }

    // --- submission ------------------------------------------------------------------------------

    /** The extraction already created under a submission_id, if any. */
    public Optional<Extraction> bySubmissionId(Account account, String submissionId) {
        return Optional.ofNullable(extractions(account).bySubmissionId.get(submissionId));
    }

    /**
     * Creates the extraction for a submission, or answers the existing one when the same request is
     * repeated, or the differing fields when the submission_id was used for another request.
     * {@code files} is resolved (and may throw) only when a new extraction is created.
     */
    public SubmitOutcome submit(Account account, Submission submission, Supplier<List<SessionFile>> files,
                                Supplier<Instant> uploadedAt) {
        AccountExtractions mine = extractions(account);
        synchronized (mine) {
            Extraction existing = mine.bySubmissionId.get(submission.submissionId());
            if (existing != null) {
                List<String> differing = differingFields(existing.submission(), submission);
                return new SubmitOutcome(existing, false, differing);
            }
            faults.submissionsPausedUntil().ifPresent(until -> {
                throw new SubmissionsPausedException(until);
            });
            List<SessionFile> resolved = files.get();
            Instant now = clock.now();
            Extraction extraction = new Extraction(UUID.randomUUID(), sequence.incrementAndGet(), submission,
                    resolved.stream().map(SessionFile::fileName).toList(), now,
                    uploadedAt.get().plus(settings.answerWindow()), now.plus(settings.outputRetention()));
            long running = mine.byId.values().stream().filter(e -> e.status().running()).count();
            mine.byId.put(extraction.id(), extraction);
            mine.bySubmissionId.put(submission.submissionId(), extraction);
            account.counters().extractionCreated(submission.submissionId());
            if (running >= settings.concurrentTaskLimit()) {
                extraction.fail(failure(ExtractionFailureCode.CONCURRENT_TASK_LIMIT,
                        Details.of("concurrent_task_limit", settings.concurrentTaskLimit())));
            } else {
                account.counters().running(running + 1);
                List<byte[]> contents = resolved.stream().map(SessionFile::content).toList();
                workers.execute(() -> start(account, extraction, contents));
            }
            return new SubmitOutcome(extraction, true, List.of());
        }
    }

    /** Thrown while submissions are paused by the control API. */
    public static final class SubmissionsPausedException extends RuntimeException {
        private final transient Instant resumesAt;

        SubmissionsPausedException(Instant resumesAt) {
            super("Submissions are paused", null, false, false);
            this.resumesAt = resumesAt;
        }

        public Instant resumesAt() {
            return resumesAt;
        }
    }

    static List<String> differingFields(Submission first, Submission repeat) {
        List<String> differing = new ArrayList<>();
        if (!first.uploadSessionId().equals(repeat.uploadSessionId())) {
            differing.add("upload_session_id");
        }
        if (!first.fileIds().equals(repeat.fileIds())) {
            differing.add("file_ids");
        }
        if (!first.prompt().equals(repeat.prompt())) {
            differing.add("prompt");
        }
        if (!first.outputStructure().equals(repeat.outputStructure())) {
            differing.add("output_structure");
        }
        if (!first.options().equals(repeat.options())) {
            differing.add("options");
        }
        return differing;
    }

    // --- processing ------------------------------------------------------------------------------

    private void start(Account account, Extraction extraction, List<byte[]> contents) {
        try {
            Optional<ExtractionFailureCode> forced = faults.nextExtractionFailure();
            if (forced.isPresent()) {
                finishFailed(extraction, failure(forced.get(), null));
                return;
            }
            List<ReadDocument> documents = new ArrayList<>();
            List<String> names = extraction.snapshot().fileNames();
            for (int i = 0; i < names.size(); i++) {
                documents.add(pipeline.read(names.get(i), contents.get(i)));
            }
            List<String> encrypted = documents.stream().filter(ReadDocument::encrypted).map(ReadDocument::fileName).toList();
            if (!encrypted.isEmpty()) {
                finishFailed(extraction, failure(ExtractionFailureCode.ENCRYPTED_FILE, Details.of("file_names", encrypted)));
                return;
            }
            List<String> tooLong = documents.stream().filter(ReadDocument::exceedsPageLimit).map(ReadDocument::fileName).toList();
            if (!tooLong.isEmpty()) {
                finishFailed(extraction, failure(ExtractionFailureCode.FILE_PAGE_LIMIT_EXCEEDED,
                        Details.of("file_names", tooLong, "max_pages", ReadDocument.MAX_PAGES)));
                return;
            }
            int totalPages = documents.stream().mapToInt(d -> d.pages().size()).sum();
            if (totalPages == 0) {
                finishFailed(extraction, failure(ExtractionFailureCode.NO_PAGES_FOUND, null));
                return;
            }
            int chargeable = documents.stream().mapToInt(d -> d.successfulPages().size()).sum();
            if (!account.credits().tryReserve(chargeable)) {
                CreditsSnapshot credits = account.credits().snapshot();
                finishFailed(extraction, failure(ExtractionFailureCode.INSUFFICIENT_CREDITS, Details.of(
                        "credits_required", chargeable, "credits_balance", credits.balance(),
                        "credits_reserved", credits.reserved())));
                return;
            }
            extraction.prepared(documents, spec(extraction.submission()), totalPages, chargeable);
            scheduleTick(account, extraction);
        } catch (RuntimeException e) {
            LOG.warn("Extraction {} failed internally", extraction.id(), e);
            release(account, extraction, 0);
            finishFailed(extraction, failure(ExtractionFailureCode.INTERNAL_ERROR, null));
        }
    }

    private static ExtractionSpec spec(Submission submission) {
        Set<SystemColumn> excluded = java.util.EnumSet.noneOf(SystemColumn.class);
        submission.options().excludeColumns().forEach(c -> excluded.add(SystemColumn.fromWire(c)));
        return ExtractionSpec.builder(submission.parsedPrompt())
                .outputStructure(OutputStructure.fromWire(submission.outputStructure()))
                .jsonTypedValues(submission.options().jsonTypedValues())
                .excludedColumns(excluded)
                .askQuestions(submission.options().askQuestions())
                .build();
    }

    private void scheduleTick(Account account, Extraction extraction) {
        scheduler.schedule(() -> workers.execute(() -> tick(account, extraction)),
                settings.pageProcessingTime().toNanos(), TimeUnit.NANOSECONDS);
    }

    private void tick(Account account, Extraction extraction) {
        try {
            if (extraction.status() != ExtractionStatus.PROCESSING) {
                return;
            }
            if (extraction.cancelRequested()) {
                cancelNow(account, extraction, "user");
                return;
            }
            // One page time has passed: up to pagesInParallel pages were processed side by side.
            boolean firstPages = extraction.pagesDone() == 0;
            boolean allDone = extraction.pagesDone(settings.pagesInParallel());
            ExtractionSpec spec = extraction.spec();
            // Questions are found once the first pages are done (and again before completing).
            if (spec.askQuestions() && !extraction.questionsAnswered() && firstPages) {
                ExtractionOutcome early = outcome(extraction);
                if (early.awaitingAnswers()) {
                    run(extraction.askQuestions(early.questions()));
                    return;
                }
            }
            if (allDone) {
                finish(account, extraction);
            } else {
                scheduleTick(account, extraction);
            }
        } catch (RuntimeException e) {
            LOG.warn("Extraction {} failed internally", extraction.id(), e);
            release(account, extraction, 0);
            finishFailed(extraction, failure(ExtractionFailureCode.INTERNAL_ERROR, null));
        }
    }

    /**
     * The outcome for the extraction's current spec. The extractor is pure, so the outcome worked out
     * when looking for questions is the one completed with; only answers (a new spec) need another run.
     */
    private ExtractionOutcome outcome(Extraction extraction) {
        ExtractionSpec spec = extraction.spec();
        return extraction.outcomeFor(spec).orElseGet(() -> {
            ExtractionOutcome worked = pipeline.extract(extraction.documents(), spec);
            extraction.keepOutcome(spec, worked);
            return worked;
        });
    }

    private void finish(Account account, Extraction extraction) {
        ExtractionOutcome outcome = outcome(extraction);
        if (outcome.awaitingAnswers() && extraction.spec().askQuestions()) {
            run(extraction.askQuestions(outcome.questions()));
            return;
        }
        Map<OutputFormat, byte[]> outputs = pipeline.render(outcome, extraction.submission().options());
        long charged = outcome.creditsToCharge();
        synchronized (extraction) {
            if (extraction.status() != ExtractionStatus.PROCESSING) {
                return;
            }
            release(account, extraction, charged);
            run(extraction.complete(outcome, outputs, charged));
        }
    }

    private void release(Account account, Extraction extraction, long charged) {
        account.credits().settle(extraction.creditsReserved(), charged);
        account.counters().pagesCharged(charged);
    }

    private void cancelNow(Account account, Extraction extraction, String reason) {
        synchronized (extraction) {
            if (!extraction.status().running()) {
                return;
            }
            long charged = Math.min(extraction.pagesDone(), extraction.creditsReserved());
            release(account, extraction, charged);
            run(extraction.cancel(reason, charged));
        }
    }

    private void finishFailed(Extraction extraction, Failure why) {
        run(extraction.fail(why));
    }

    private static void run(List<Runnable> listeners) {
        listeners.forEach(listener -> {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.warn("A status listener failed", e);
            }
        });
    }

    static Failure failure(ExtractionFailureCode code, Map<String, Object> details) {
        return new Failure(code, FailureMessages.of(code), details);
    }

    // --- reading, cancelling, answering, deleting ----------------------------------------------

    public Optional<Extraction> find(Account account, UUID id) {
        Extraction extraction = extractions(account).byId.get(id);
        if (extraction != null) {
            expireUnanswered(account, extraction);
        }
        return Optional.ofNullable(extraction);
    }

    /** The account's extractions, newest first. */
    public List<Extraction> list(Account account) {
        List<Extraction> all = new ArrayList<>(extractions(account).byId.values());
        all.forEach(e -> expireUnanswered(account, e));
        all.sort(Comparator.comparingLong(Extraction::sequence).reversed());
        return all;
    }

    private void expireUnanswered(Account account, Extraction extraction) {
        if (extraction.status() == ExtractionStatus.INPUT_REQUIRED
                && !clock.now().isBefore(extraction.snapshot().answerBy())) {
            cancelNow(account, extraction, "unanswered");
        }
    }

    /**
     * Records a cancellation: an extraction waiting for answers is cancelled at once, a processing
     * one at its next page. Answers the time the request was first recorded.
     */
    public Instant cancel(Account account, Extraction extraction) {
        Instant requestedAt = extraction.requestCancel(clock.now());
        if (extraction.status() == ExtractionStatus.INPUT_REQUIRED) {
            cancelNow(account, extraction, "user");
        }
        return requestedAt;
    }

    /** Applies answers; an extraction whose every open question is answered continues processing. */
    public void answer(Account account, Extraction extraction, List<Answer> answers) {
        switch (extraction.answer(answers)) {
            case CONTINUED -> workers.execute(() -> tick(account, extraction));
            case REFUSED_TOO_OFTEN -> cancelNow(account, extraction, "answers_rejected");
            case NONE, WAITING -> {
                // nothing more to do until every open question has an accepted answer
            }
        }
    }

    /** Deletes a finished extraction and its outputs; {@code false} when it is still running. */
    public boolean delete(Account account, Extraction extraction) {
        AccountExtractions mine = extractions(account);
        synchronized (mine) {
            if (extraction.status().running()) {
                return false;
            }
            mine.byId.remove(extraction.id());
            mine.bySubmissionId.remove(extraction.submission().submissionId(), extraction);
            extraction.dropOutputs();
            return true;
        }
    }

    /** The number of running extractions of an account. */
    public long running(Account account) {
        return extractions(account).byId.values().stream().filter(e -> e.status().running()).count();
    }

    private AccountExtractions extractions(Account account) {
        return accounts.computeIfAbsent(account.id(), id -> new AccountExtractions());
    }

    /** Extraction ids by submission, for inspection. */
    public Map<String, UUID> submissions(Account account) {
        Map<String, UUID> ids = new LinkedHashMap<>();
        extractions(account).bySubmissionId.forEach((s, e) -> ids.put(s, e.id()));
        return ids;
    }
}
