package org.invoicepipeline.upload.session;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Optional;

import org.invoicepipeline.common.kafka.FailureClassifier;
import org.invoicepipeline.common.kafka.StageFailure;
import org.invoicepipeline.upload.plan.PlannedFile;
import org.invoicepipeline.upload.source.SourceAccessDeniedException;
import org.invoicepipeline.upload.source.SourceUnavailableException;
import org.invoicepipeline.upload.validation.RejectionCodes;

/**
 * How one file's failed upload ends, decided from what was thrown and what its {@link VerifiedSource} saw. The
 * client reports a source that failed while it was read as a transport failure ({@code API_UNREACHABLE}, retryable),
 * so the source's own account wins: a changed source is {@code SOURCE_CHANGED}, a vanished or unreadable one
 * {@code SOURCE_UNREADABLE}, a refused one {@code SOURCE_ACCESS_DENIED}; these fail the file for good, while a store
 * that did not answer (throttling, 5xx after the SDK's retries) fails the attempt, to be retried. Otherwise the common classification decides: retryable
 * (empty: the session attempt fails and is retried) or the file's permanent failure. Every message names the file.
 */
final class FileUploadFailures {

    private FileUploadFailures() {
    }

    /** The file's permanent failure, or empty when the failure is retryable. */
    static Optional<StageFailure> of(PlannedFile file, Throwable thrown, Optional<String> sourceChange) {
        if (sourceChange.isPresent()) {
            return Optional.of(changed(file, sourceChange.get()));
        }
        if (inChain(thrown, SourceUnavailableException.class).isPresent()) {
            return Optional.empty();
        }
        Optional<Throwable> denied = inChain(thrown, SourceAccessDeniedException.class);
        if (denied.isPresent()) {
            return Optional.of(StageFailure.permanent(RejectionCodes.SOURCE_ACCESS_DENIED,
                    file.label() + ": " + denied.get().getMessage()));
        }
        Optional<Throwable> unreadable = sourceProblem(thrown);
        if (unreadable.isPresent()) {
            return Optional.of(StageFailure.permanent(RejectionCodes.SOURCE_UNREADABLE,
                    file.label() + ": the source cannot be read any more: " + describe(unreadable.get())));
        }
        StageFailure failure = FailureClassifier.classify(thrown);
        if (failure.retryable()) {
            return Optional.empty();
        }
        return Optional.of(new StageFailure(failure.code(), file.label() + ": " + failure.message(), false,
                failure.retryAfter(), failure.operational()));
    }

    /** {@code SOURCE_CHANGED} for {@code file}, saying {@code what} changed. */
    static StageFailure changed(PlannedFile file, String what) {
        return StageFailure.permanent(RejectionCodes.SOURCE_CHANGED, file.label() + ": " + what);
    }

    /**
     * A source that vanished or may not be read any more (not a network failure): an I/O failure reading it before
     * the client got it, or a missing/forbidden file anywhere in the client's chain.
     */
    private static Optional<Throwable> sourceProblem(Throwable thrown) {
        if (thrown instanceof IOException) {
            return Optional.of(thrown);
        }
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof NoSuchFileException || t instanceof AccessDeniedException) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    private static Optional<Throwable> inChain(Throwable thrown, Class<? extends Throwable> type) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    private static String describe(Throwable t) {
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
