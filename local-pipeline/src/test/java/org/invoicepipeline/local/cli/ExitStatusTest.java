package org.invoicepipeline.local.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ExitStatusTest {

    @ParameterizedTest(name = "interrupted={0} allEnded={1} notExtracted={2} -> {3}")
    @CsvSource({
            "false, true,  0, ALL_EXTRACTED,      0",
            "false, true,  1, SOME_NOT_EXTRACTED, 3",
            "false, true,  5, SOME_NOT_EXTRACTED, 3",
            "false, false, 0, TIMED_OUT,          1",
            "false, false, 2, TIMED_OUT,          1",
            "true,  true,  0, INTERRUPTED,        130",
            "true,  false, 3, INTERRUPTED,        130",
    })
    void oneCodePerWayARunEnds(boolean interrupted, boolean allEnded, int notExtracted, ExitStatus expected, int code) {
        ExitStatus status = ExitStatus.of(interrupted, allEnded, notExtracted);

        assertThat(status).isEqualTo(expected);
        assertThat(status.code()).isEqualTo(code);
    }

    @ParameterizedTest
    @CsvSource({"BAD_ARGUMENTS, 2"})
    void badArgumentsAreTwo(ExitStatus status, int code) {
        assertThat(status.code()).isEqualTo(code);
    }
}
