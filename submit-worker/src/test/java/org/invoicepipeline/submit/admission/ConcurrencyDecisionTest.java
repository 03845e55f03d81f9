package org.invoicepipeline.submit.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.invoicepipeline.submit.admission.ConcurrencyDecision.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConcurrencyDecisionTest {

    private static final Duration TTL = Duration.ofSeconds(3);
    private static final Duration REREAD = Duration.ofSeconds(2);

    @ParameterizedTest(name = "limit {0}, listed {1} + {2} since, reading {3} ms old -> {4}")
    @CsvSource({
            // check off
            "0,  -1, 0,     0, ADMIT",
            "0,  40, 9,     0, ADMIT",
            // never read, or the reading is too old: read first
            "15, -1, 0,     0, READ_AGAIN",
            "15,  3, 0,  3000, READ_AGAIN",
            "15, 15, 0,  9000, READ_AGAIN",
            // a fresh reading with room
            "15,  0, 0,     0, ADMIT",
            "15, 14, 0,  2999, ADMIT",
            "15, 10, 4,   500, ADMIT",
            // this instance's own submissions since the reading fill the last places
            "15, 10, 5,   500, HOLD",
            "15, 14, 1,     0, HOLD",
            // the web app (or another instance) runs more than the limit
            "15, 17, 0,   100, HOLD",
            // full by a reading old enough to be outdated: read again rather than hold
            "15, 15, 0,  2000, READ_AGAIN",
            "15, 12, 3,  2500, READ_AGAIN",
            "1,   0, 1,   100, HOLD",
            "1,   0, 0,   100, ADMIT"})
    void decides(int limit, int listed, int submittedSince, long ageMillis, Verdict expected) {
        assertThat(ConcurrencyDecision.decide(limit, listed, submittedSince, Duration.ofMillis(ageMillis), TTL, REREAD))
                .isEqualTo(expected);
    }
}
