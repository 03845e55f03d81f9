package org.invoicepipeline.upload.session;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.invoicepipeline.client.ApiErrorCode;
import org.invoicepipeline.client.ApiErrorException;
import org.invoicepipeline.client.InvoiceExtractionClient;
import org.invoicepipeline.client.model.UploadFileSpec;
import org.invoicepipeline.client.model.UploadSession;
import org.invoicepipeline.common.kafka.StageBackPressureException;
import org.invoicepipeline.common.kafka.StageFailure;
import org.invoicepipeline.upload.plan.PlannedFile;
import org.invoicepipeline.upload.plan.PlannedSession;
import org.invoicepipeline.upload.plan.UploadSessionIds;
import org.invoicepipeline.upload.source.SourceRef;
import org.invoicepipeline.upload.source.SourceStores;
import org.invoicepipeline.upload.validation.RejectionCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * The API side of step 2: creates the planned session (idempotent by its id) and uploads and completes its
 * files, a few at a time. Each file ends on its own: completed (also when a replay finds it already
 * completed: {@code FILE_NOT_UPLOADABLE}), failed for good (a non-retryable API error, a source that vanished
 * or changed since validation), or, for a retryable error that outlived the client's retries, the whole attempt
 * fails so the error handler retries the session; completed files then just complete again.
 * <p>
 * When the API refuses the session and its {@code details.issues} name files, those files fail with the API's
 * code and the others are uploaded in a re-planned session whose id derives from the original id and the files
 * left out ({@link UploadSessionIds#replanned}), so a replay of the same refusal lands in the same session.
 * <p>
 * The bytes sent are the bytes validated: each file is read through the {@link SourceStores} store of its URI and
 * streamed through a {@link VerifiedSource}; one that shrank, grew or changed (another size, ETag or SHA-256) fails
 * with {@code SOURCE_CHANGED} before it is completed.
 */
public class SessionUploader implements DisposableBean {

    /** The source's size or bytes differ from those validated (and registered in the session). */
    public static final String SOURCE_CHANGED = RejectionCodes.SOURCE_CHANGED;

    private static final Logger log = LoggerFactory.getLogger(SessionUploader.class);

    private final InvoiceExtractionClient client;
    private final SourceStores sources;
    private final ExecutorService executor;
    private static final Duration AWAIT_SLICE = Duration.ofMillis(200);

    private final Duration insufficientCreditsWait;
    private volatile boolean closed;

    /** An uploader of local files only (plans record their validated paths). */
    public SessionUploader(InvoiceExtractionClient client, int fileConcurrency, Duration insufficientCreditsWait) {
        this(client, SourceStores.localFiles(List.of()), fileConcurrency, insufficientCreditsWait);
    }

    /** @param sources the stores that read planned sources, by their URIs' schemes */
    public SessionUploader(InvoiceExtractionClient client, SourceStores sources, int fileConcurrency,
                           Duration insufficientCreditsWait) {
        this.client = client;
        this.sources = sources;
        this.insufficientCreditsWait = insufficientCreditsWait;
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(Math.max(1, fileConcurrency), runnable -> {
            Thread thread = new Thread(runnable, "upload-file-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public SessionOutcome upload(PlannedSession plan) {
        UploadSession session;
        try {
            session = createSession(plan);
        }
        catch (ApiErrorException e) {
            Map<PlannedFile, String> refused = RefusedFiles.of(e, plan.files());
            if (refused.isEmpty()) {
                throw e;
            }
            return withoutRefused(plan, e, refused);
        }
        List<Future<FileResult>> futures = new ArrayList<>();
        for (PlannedFile file : plan.files()) {
            futures.add(executor.submit(() -> uploadOne(session, file)));
        }
        List<PlannedFile> completed = new ArrayList<>();
        List<SessionOutcome.FailedFile> failed = new ArrayList<>();
        RuntimeException retryable = null;
        for (Future<FileResult> future : futures) {
            FileResult result = await(future);
            if (result.retryable() != null) {
                retryable = retryable == null ? result.retryable() : retryable;
            }
            else if (result.failure() != null) {
                failed.add(new SessionOutcome.FailedFile(result.file(), result.failure()));
            }
            else {
                completed.add(result.file());
            }
        }
        if (retryable != null) {
            throw retryable;
        }
        return new SessionOutcome(plan, completed, failed);
    }

    /** Fails the files the API refused by name and uploads the others in a re-planned session. */
    private SessionOutcome withoutRefused(PlannedSession plan, ApiErrorException error, Map<PlannedFile, String> refused) {
        List<SessionOutcome.FailedFile> failed = new ArrayList<>();
        refused.forEach((file, message) -> failed.add(new SessionOutcome.FailedFile(file, StageFailure.permanent(
                error.code(), file.label() + ": the API refused it in upload session " + plan.uploadSessionId()
                        + ": " + message))));
        List<PlannedFile> rest = plan.files().stream().filter(file -> !refused.containsKey(file)).toList();
        if (rest.isEmpty()) {
            return new SessionOutcome(plan, List.of(), failed);
        }
        PlannedSession replanned = new PlannedSession(UploadSessionIds.replanned(plan.uploadSessionId(),
                refused.keySet().stream().map(PlannedFile::fileId).toList()), plan.profile(), plan.batchKey(),
                plan.plannedAt(), rest);
        log.warn("the API refused {} file(s) of upload session {} ({}): {}; uploading the other {} in session {}",
                refused.size(), plan.uploadSessionId(), error.code(),
                refused.keySet().stream().map(PlannedFile::label).toList(), rest.size(), replanned.uploadSessionId());
        SessionOutcome outcome = upload(replanned);
        failed.addAll(outcome.failed());
        return new SessionOutcome(outcome.session(), outcome.completed(), failed);
    }

    private UploadSession createSession(PlannedSession plan) {
        List<UploadFileSpec> specs = plan.files().stream()
                .map(f -> new UploadFileSpec(f.fileId(), f.sessionFileName(), f.sizeBytes()))
                .toList();
        try {
            return client.createUploadSession(plan.uploadSessionId(), specs);
        }
        catch (ApiErrorException e) {
            if (e.errorCode() == ApiErrorCode.INSUFFICIENT_CREDITS) {
                throw new StageBackPressureException(e.code(), "not enough credits to register "
                        + specs.size() + " file(s) of session " + plan.uploadSessionId(), insufficientCreditsWait);
            }
            throw e;
        }
    }

    private record FileResult(PlannedFile file, StageFailure failure, RuntimeException retryable) {
    }

    private FileResult uploadOne(UploadSession session, PlannedFile file) {
        VerifiedSource source = null;
        try {
            SourceRef planned = sources.planned(file.source());
            Optional<String> change = planned.change();
            if (change.isPresent()) {
                return failed(file, FileUploadFailures.changed(file, change.get()));
            }
            source = new VerifiedSource(planned, file.sessionFileName(), file.sha256());
            client.uploadFile(session, file.fileId(), source);
            return new FileResult(file, null, null);
        }
        catch (ApiErrorException e) {
            if (e.errorCode() == ApiErrorCode.FILE_NOT_UPLOADABLE) {
                // a replay: the file was completed by an earlier attempt of this session
                return new FileResult(file, null, null);
            }
            return outcome(file, e, Optional.empty());
        }
        catch (IOException | RuntimeException e) {
            return outcome(file, e, source == null ? Optional.empty() : source.change());
        }
    }

    private static FileResult outcome(PlannedFile file, Exception e, Optional<String> sourceChange) {
        return FileUploadFailures.of(file, e, sourceChange)
                .map(failure -> failed(file, failure))
                .orElseGet(() -> new FileResult(file, null, e instanceof RuntimeException r ? r
                        : new IllegalStateException(e)));
    }

    private static FileResult failed(PlannedFile file, StageFailure failure) {
        return new FileResult(file, failure, null);
    }

    /**
     * Waits for one file, but gives up when the uploader is shut down: the listener thread must then return
     * (the session stays uncommitted and is retried by whoever owns the partition next) instead of holding
     * its consumer in the group while the uploads it waits for are gone.
     */
    private FileResult await(Future<FileResult> future) {
        while (true) {
            if (closed) {
                future.cancel(true);
                throw new IllegalStateException("upload stage is shutting down; the session will be retried");
            }
            try {
                return future.get(AWAIT_SLICE.toMillis(), TimeUnit.MILLISECONDS);
            }
            catch (TimeoutException e) {
                // check closed and wait on
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while uploading", e);
            }
            catch (ExecutionException e) {
                throw new IllegalStateException("file upload task failed", e.getCause());
            }
        }
    }

    @Override
    public void destroy() {
        closed = true;
        executor.shutdownNow();
    }
}
