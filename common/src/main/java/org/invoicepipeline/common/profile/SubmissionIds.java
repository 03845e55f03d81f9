package org.invoicepipeline.common.profile;

import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.invoicepipeline.client.ApiErrorCode;
import org.invoicepipeline.client.ApiErrorException;
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

    /**
     * The extraction a {@code submission_id} already created, when the API refused a submission with
     * {@code SUBMISSION_ID_ALREADY_USED} (the id is taken but the request differs, e.g. the profile changed since):
     * {@code details.extraction_id}, which is the extraction this submission made the first time. Empty for any
     * other refusal, or when the API names no extraction.
     */
    public static Optional<String> alreadyCreated(ApiErrorException refusal) {
        if (refusal.errorCode() != ApiErrorCode.SUBMISSION_ID_ALREADY_USED) {
            return Optional.empty();
        }
        return refusal.details().map(d -> d.path("extraction_id")).filter(JsonNode::isTextual).map(JsonNode::asText);
    }
}
