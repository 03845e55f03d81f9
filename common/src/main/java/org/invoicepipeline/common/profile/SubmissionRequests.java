package org.invoicepipeline.common.profile;

import org.invoicepipeline.client.model.SubmitExtractionRequest;

import java.util.List;

/**
 * Builds the {@code submitExtraction} request of an upload session's files under a profile. The submit stage
 * (first attempt) and the poll stage (resubmissions) both call this: the API's {@code submission_id}
 * idempotency compares {@code upload_session_id}, {@code file_ids}, {@code prompt}, {@code output_structure} and
 * {@code options}, so a replay of either stage sends exactly the request the API saw first under that id.
 */
public final class SubmissionRequests {

    private SubmissionRequests() {
    }

    /**
     * @param profileName     the profile's name (FileRegistered.profile)
     * @param profile         its configuration
     * @param uploadSessionId the session holding the completed files
     * @param apiFileIds      the files' ids in the session, in the order of the first submission
     * @param attempt         1 for the first submission, incremented on each resubmission
     */
    public static SubmitExtractionRequest build(String profileName, ExtractionProfiles.Profile profile,
                                                String uploadSessionId, List<String> apiFileIds, int attempt) {
        return SubmitExtractionRequest.builder()
                .submissionId(SubmissionIds.of(uploadSessionId, attempt))
                .uploadSessionId(uploadSessionId)
                .fileIds(apiFileIds)
                .taskName(profile.taskNameOr(profileName))
                .prompt(profile.toPrompt())
                .outputStructure(profile.getOutputStructure())
                .options(profile.toOptions())
                .build();
    }
}
