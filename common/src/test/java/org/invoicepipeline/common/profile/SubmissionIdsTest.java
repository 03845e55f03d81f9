package org.invoicepipeline.common.profile;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.invoicepipeline.client.ApiErrorException;
import org.invoicepipeline.client.Operation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SubmissionIdsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void idIsStableAcrossReleasesSoReplayedSubmissionsStayIdempotent() {
        // sha256("submission\nus-1"), first 40 hex characters
        assertThat(SubmissionIds.of("us-1", 2)).isEqualTo("sub-d47e8cd47372aa01de66cf9d7a9196aab61a066e-2")
                .matches("[A-Za-z0-9._:-]{1,200}");
    }

    /** code | details ('-' none) | the extraction reused ('-' none: the refusal is rethrown) */
    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = ';', value = {
            "SUBMISSION_ID_ALREADY_USED; {\"extraction_id\":\"ex-1\",\"differing_fields\":[\"prompt\"]}; ex-1",
            "SUBMISSION_ID_ALREADY_USED; {\"differing_fields\":[\"prompt\"]};                            -",
            "SUBMISSION_ID_ALREADY_USED; {\"extraction_id\":42};                                          -",
            "SUBMISSION_ID_ALREADY_USED; -;                                                               -",
            "INVALID_REQUEST;            {\"extraction_id\":\"ex-1\"};                                    -",
    })
    void aTakenSubmissionIdReusesTheExtractionItCreated(String code, String details, String expected) throws Exception {
        ApiErrorException refusal = new ApiErrorException(Operation.SUBMIT_EXTRACTION, 409, code, "refused", false,
                details.equals("-") ? null : JSON.readTree(details), null);

        assertThat(SubmissionIds.alreadyCreated(refusal).orElse("-")).isEqualTo(expected);
    }
}
