package org.invoicepipeline.upload.session;

import java.io.IOException;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
import org.invoicepipeline.client.upload.UploadSource;
import org.invoicepipeline.common.kafka.FailureClassifier;
import org.invoicepipeline.common.kafka.StageBackPressureException;
import org.invoicepipeline.common.kafka.StageFailure;
import org.invoicepipeline.upload.plan.PlannedFile;
import org.invoicepipeline.upload.plan.PlannedSession;
import org.invoicepipeline.upload.validation.RejectionCodes;
import org.springframework.beans.factory.DisposableBean;

/**
 * The API side of step 2: creates the planned session (idempotent by its id) and uploads and completes its
 * files, a few at a time. Each file ends on its own: completed (also when a replay finds it already
 * completed: {@code FILE_NOT_UPLOADABLE}), failed for good (a non-retryable API error, a source that vanished
 * or changed since planning), or, for a retryable error that outlived the client's retries, the whole attempt
 * fails so the error handler retries the session; completed files then just complete again.
 */
public class SessionUploader implements DisposableBean {

    /** The source's size differs from the size planned (and registered in the session). */
    public static final String SOURCE_CHANGED = "SOURCE_CHANGED";

    private final InvoiceExtractionClient client;
    private final ExecutorService executor;
    private static final Duration AWAIT_SLICE = Duration.ofMillis(200);

    private final Duration insufficientCreditsWait;
    private volatile boolean closed;

    public SessionUploader(InvoiceExtractionClient client, int fileConcurrency, Duration insufficientCreditsWait) {
        this.client = client;
        this.insufficientCreditsWait = insufficientCreditsWait;
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(Math.max(1, fileConcurrency), runnable -> {
            Thread thread = new Thread(runnable, "upload-file-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public SessionOutcome upload(PlannedSession plan) {
        UploadSession session = createSession(plan);
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
        try {
            Path path = Path.of(file.path());
            long size = Files.size(path);
            if (size != file.sizeBytes()) {
                return new FileResult(file, StageFailure.permanent(SOURCE_CHANGED,
                        "source is " + size + " bytes, " + file.sizeBytes() + " were planned"), null);
            }
            client.uploadFile(session, file.fileId(), UploadSource.ofPath(path, file.sessionFileName()));
            return new FileResult(file, null, null);
        }
        catch (ApiErrorException e) {
            if (e.errorCode() == ApiErrorCode.FILE_NOT_UPLOADABLE) {
                // a replay: the file was completed by an earlier attempt of this session
                return new FileResult(file, null, null);
            }
            return e.isRetryable() ? new FileResult(file, null, e) : new FileResult(file, FailureClassifier.classify(e), null);
        }
        catch (IOException e) {
            return new FileResult(file, StageFailure.permanent(RejectionCodes.SOURCE_UNREADABLE,
                    "source cannot be read any more: " + e.getClass().getSimpleName()), null);
        }
        catch (RuntimeException e) {
            StageFailure failure = FailureClassifier.classify(e);
            return failure.retryable() ? new FileResult(file, null, e) : new FileResult(file, failure, null);
        }
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
