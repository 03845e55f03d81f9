package org.invoicepipeline.common.ratelimit.share;

import org.invoicepipeline.client.ratelimit.EndpointGroup;
import org.invoicepipeline.common.kafka.StageNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class GroupDivisionTest {

    private static final List<String> STAGES = List.of(StageNames.UPLOAD, StageNames.SUBMIT, StageNames.POLL,
            StageNames.DOWNLOAD);
    private final GroupDivision division = new GroupDivision(0.1);

    @ParameterizedTest(name = "{0} in {1}: {2}")
    @CsvSource({
            "upload, UPLOADS, 1",
            "upload, SUBMIT, 0",
            "submit, SUBMIT, 0.9",
            "poll, SUBMIT, 0.1",
            "submit, CREDITS, 0.5",
            "poll, CREDITS, 0.5",
            "submit, LIST, 1",
            "poll, STATUS, 1",
            "poll, ANSWERS, 1",
            "poll, CANCEL, 1",
            "download, RESULTS, 1",
            "download, OUTPUT, 1",
            "download, DELETE, 1",
            "download, STATUS, 0",
            "monitor, UPLOADS, 0"})
    void weights(String stage, EndpointGroup group, double weight) {
        assertThat(division.weight(stage, group)).isCloseTo(weight, within(1e-9));
    }

    /** All instances of all stages, each owning all of its partitions, never add up to more than the limit. */
    @ParameterizedTest
    @EnumSource(EndpointGroup.class)
    void weightsOfAGroupAddUpToAtMostOne(EndpointGroup group) {
        double sum = STAGES.stream().mapToDouble(stage -> division.weight(stage, group)).sum();
        assertThat(sum).isLessThanOrEqualTo(1.0 + 1e-9);
    }

    @Test
    void oneJvmRunningEveryStageWithAllPartitionsGetsEveryUsedGroupWhole() {
        Map<EndpointGroup, Double> fractions = division.fractions(Map.of(StageNames.UPLOAD, 1.0, StageNames.SUBMIT, 1.0,
                StageNames.POLL, 1.0, StageNames.DOWNLOAD, 1.0));
        for (EndpointGroup group : List.of(EndpointGroup.UPLOADS, EndpointGroup.SUBMIT, EndpointGroup.CREDITS,
                EndpointGroup.STATUS, EndpointGroup.RESULTS)) {
            assertThat(fractions.get(group)).as("%s", group).isCloseTo(1.0, within(1e-9));
        }
    }

    @Test
    void sharedGroupFollowsEachStagesPartitions() {
        // a submit instance with a third of parts-uploaded and a poll instance with half of extraction-submitted
        Map<EndpointGroup, Double> fractions = division.fractions(Map.of(StageNames.SUBMIT, 1.0 / 3,
                StageNames.POLL, 0.5));
        assertThat(fractions.get(EndpointGroup.SUBMIT)).isCloseTo(0.9 / 3 + 0.1 * 0.5, within(1e-9));
        assertThat(fractions.get(EndpointGroup.CREDITS)).isCloseTo(0.5 / 3 + 0.5 * 0.5, within(1e-9));
        assertThat(fractions.get(EndpointGroup.UPLOADS)).as("drawn on by no stage here: not divided").isEqualTo(1.0);
    }

    @Test
    void aStageWithoutPartitionsGetsNothingOfItsGroups() {
        Map<EndpointGroup, Double> fractions = division.fractions(Map.of(StageNames.POLL, 0.0));
        assertThat(fractions.get(EndpointGroup.STATUS)).isZero();
        assertThat(fractions.get(EndpointGroup.SUBMIT)).isZero();
        assertThat(fractions.get(EndpointGroup.RESULTS)).isEqualTo(1.0);
    }

    @Test
    void resubmissionShareMustLeaveBothStagesSomething() {
        assertThatThrownBy(() -> new GroupDivision(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GroupDivision(1)).isInstanceOf(IllegalArgumentException.class);
    }
}
