package org.invoicepipeline.common.profile;

import java.util.Objects;

import org.invoicepipeline.common.hash.Sha256;

/**
 * Deterministic {@code submission_id}s: the same upload session and attempt always give the same id, so a
 * replayed submission returns the extraction the first one created, while a resubmission after a retryable
 * failure (the next attempt) gets a new id, as the API requires. Valid API client ids
 * ({@code [A-Za-z0-9._:-]{1,200}}).
 */
public final class SubmissionIds {

    private static final int HASH_HEX_CHARS = 40;

    private SubmissionIds() {
    }

    /** {@code sub-<40 hex of SHA-256 of the session id>-<attempt>}; attempt is 1-based. */
    public static String of(String uploadSessionId, int attempt) {
        Objects.requireNonNull(uploadSessionId, "uploadSessionId");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt is 1-based, was " + attempt);
        }
        return "sub-" + Sha256.hexPrefix("submission\n" + uploadSessionId, HASH_HEX_CHARS) + "-" + attempt;
    }
}
