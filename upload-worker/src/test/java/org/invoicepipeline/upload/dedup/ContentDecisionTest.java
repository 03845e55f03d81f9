package org.invoicepipeline.upload.dedup;

import org.invoicepipeline.events.ResultStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ContentDecisionTest {

    /** indexed first (empty: none) | its result status (empty: in flight) | decision for file "b" */
    @ParameterizedTest(name = "first={0} status={1} -> {2}")
    @CsvSource({
            ",  ,              FIRST",
            "b, ,              FIRST",
            "b, EXTRACTED,     FIRST",
            "a, ,              DUPLICATE",
            "a, EXTRACTED,     DUPLICATE",
            "a, FAILED,        FIRST",
            "a, CANCELLED,     FIRST",
            "a, DEAD_LETTERED, FIRST",
            "a, UNKNOWN,       FIRST",
    })
    void decides(String firstFileId, ResultStatus status, ContentDecision expected) {
        IndexedContent indexed = firstFileId == null ? null : new IndexedContent(firstFileId, status, null);

        assertThat(ContentDecision.of("b", indexed)).isEqualTo(expected);
    }
}
