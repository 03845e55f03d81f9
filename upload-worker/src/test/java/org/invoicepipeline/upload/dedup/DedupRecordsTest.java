package org.invoicepipeline.upload.dedup;

import java.util.Map;

import org.invoicepipeline.events.ResultStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DedupRecordsTest {

    @Test
    void indexEntriesRoundTripInFlightAndWithTheirResult() {
        IndexedContent inFlight = DedupRecords.readIndexed(DedupRecords.write(IndexedContent.inFlight("f-1")));
        IndexedContent done = DedupRecords.readIndexed(DedupRecords.write(
                new IndexedContent("f-1", ResultStatus.EXTRACTED, new byte[] {1, 2, 3})));

        assertThat(inFlight).usingRecursiveComparison().isEqualTo(IndexedContent.inFlight("f-1"));
        assertThat(done.firstStatus()).isEqualTo(ResultStatus.EXTRACTED);
        assertThat(done.firstResult()).containsExactly(1, 2, 3);
    }

    @Test
    void waitingDuplicatesRoundTripAndGarbageIsRefused() {
        WaitingDuplicate duplicate = new WaitingDuplicate("c-1", "f-1", "p/ab", "c.pdf", "file:///c.pdf", "p", null,
                42L, Map.of("k", "v"));

        assertThat(DedupRecords.readWaiting(DedupRecords.write(duplicate))).isEqualTo(duplicate);
        assertThatThrownBy(() -> DedupRecords.readWaiting("not json".getBytes()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
