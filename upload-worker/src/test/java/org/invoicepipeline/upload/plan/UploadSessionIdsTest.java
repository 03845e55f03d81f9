package org.invoicepipeline.upload.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class UploadSessionIdsTest {

    @Test
    void theSamePlanNamesTheSameSessionWhateverTheFileOrder() {
        // pinned: a plan persisted by an earlier version must keep naming the session the API already knows
        assertThat(UploadSessionIds.of("std", "b1", List.of("f2", "f1")))
                .isEqualTo("us-257ac11ca6740cf8b67a8545133bce9d32ff348a")
                .isEqualTo(UploadSessionIds.of("std", "b1", List.of("f1", "f2")));
        assertThat(UploadSessionIds.of("std", null, List.of("f1"))).isEqualTo("us-4c7cbedc3c1360ae2aebc3259a86d3cddb63a471");
    }

    @Test
    void anotherBatchOrProfileNamesAnotherSession() {
        String id = UploadSessionIds.of("std", "b1", List.of("f1"));
        assertThat(UploadSessionIds.of("std", "b2", List.of("f1"))).isNotEqualTo(id);
        assertThat(UploadSessionIds.of("other", "b1", List.of("f1"))).isNotEqualTo(id);
    }

    @Test
    void aReplannedSessionIsNamedByTheOriginalAndTheFilesLeftOutWhateverTheirOrder() {
        // pinned: a replay of the same refusal must re-plan into the session the API already knows
        assertThat(UploadSessionIds.replanned("us-1", List.of("f2", "f1")))
                .isEqualTo("us-80001d582b989389e09ae153afc7caa1e6573c6f")
                .isEqualTo(UploadSessionIds.replanned("us-1", List.of("f1", "f2")));
    }
}
