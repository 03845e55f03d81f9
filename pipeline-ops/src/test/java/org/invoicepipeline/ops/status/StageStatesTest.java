package org.invoicepipeline.ops.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StageStatesTest {

    @ParameterizedTest(name = "topic {0}, {1} members, lag {2}, oldest {3}s -> {4}")
    @CsvSource(nullValues = "null", value = {
            "false, 0, 0,  null, IDLE",
            "true,  0, 0,  null, OK",
            "true,  0, 5,  10,   DOWN",
            "true,  1, 5,  10,   OK",
            "true,  1, 5,  301,  HOLDING",
            "true,  1, 0,  null, OK",
            "true,  2, 3,  null, OK"})
    void decidesTheStateOfAStage(boolean topicExists, int members, long lag, Long oldestSeconds, String expected) {
        String state = StageStates.of(topicExists, members, lag,
                oldestSeconds == null ? null : Duration.ofSeconds(oldestSeconds), Duration.ofMinutes(5));

        assertThat(state).isEqualTo(expected);
    }
}
