package org.invoicepipeline.common.profile;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SubmissionIdsTest {

    @Test
    void idIsStableAcrossReleasesSoReplayedSubmissionsStayIdempotent() {
        // sha256("submission\nus-1"), first 40 hex characters
        assertThat(SubmissionIds.of("us-1", 2)).isEqualTo("sub-d47e8cd47372aa01de66cf9d7a9196aab61a066e-2")
                .matches("[A-Za-z0-9._:-]{1,200}");
    }
}
