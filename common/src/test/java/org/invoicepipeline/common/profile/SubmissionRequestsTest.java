package org.invoicepipeline.common.profile;

import org.invoicepipeline.client.model.OutputStructure;
import org.invoicepipeline.client.model.SubmitExtractionRequest;
import org.invoicepipeline.common.profile.ExtractionProfiles;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SubmissionRequestsTest {

    @Test
    void bothStagesBuildIdenticalRequestsFromTheSameProfileAndTheNextAttemptGetsANewId() {
        ExtractionProfiles.Profile profile = new ExtractionProfiles.Profile();
        profile.setPrompt("Extract invoice number and total amount");
        profile.setOutputStructure(OutputStructure.PER_INVOICE);

        SubmitExtractionRequest first = SubmissionRequests.build("invoices", profile, "us-1", List.of("f1", "f2"), 2);
        SubmitExtractionRequest again = SubmissionRequests.build("invoices", profile, "us-1", List.of("f1", "f2"), 2);
        SubmitExtractionRequest next = SubmissionRequests.build("invoices", profile, "us-1", List.of("f1", "f2"), 3);

        assertThat(first).isEqualTo(again);
        assertThat(first.submissionId()).isEqualTo(SubmissionIds.of("us-1", 2));
        assertThat(next.submissionId()).isNotEqualTo(first.submissionId());
        assertThat(next.prompt()).isEqualTo(first.prompt());
        assertThat(first.taskName()).isEqualTo("invoices");
        assertThat(first.options().jsonTypedValues()).isTrue();
    }
}
