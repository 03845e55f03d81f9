package org.invoicepipeline.poll.outcome;

import org.invoicepipeline.client.model.SubmitExtractionRequest;

import java.util.List;

/**
 * Builds the submit request of a profile's files for an attempt, exactly as the submit stage builds it, so the
 * API recognises a replayed submission by its {@code submission_id}.
 */
@FunctionalInterface
public interface SubmissionRequestFactory {

    SubmitExtractionRequest build(String profile, String uploadSessionId, List<String> apiFileIds, int attempt);
}
