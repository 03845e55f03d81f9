package org.invoicepipeline.client.upload;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PartPlanTest {

    private static final long MIB8 = 8_388_608;

    @ParameterizedTest
    @CsvSource({
            "1, 1",
            "120450, 1",
            "8388608, 1",
            "8388609, 2",
            "20000000, 3",
            "157286400, 19"
    })
    void partCountIsTheCeilingOfSizeOverPartSize(long size, int parts) {
        assertThat(new PartPlan(size, MIB8).partCount()).isEqualTo(parts);
    }

    @Test
    void partsCoverTheFileExactlyWithAShortLastPart() {
        PartPlan plan = new PartPlan(20_000_000, MIB8);

        assertThat(plan.offsetOf(1)).isZero();
        assertThat(plan.lengthOf(1)).isEqualTo(MIB8);
        assertThat(plan.offsetOf(3)).isEqualTo(2 * MIB8);
        assertThat(plan.lengthOf(3)).isEqualTo(20_000_000 - 2 * MIB8);
        long total = 0;
        for (int part = 1; part <= plan.partCount(); part++) {
            total += plan.lengthOf(part);
        }
        assertThat(total).isEqualTo(20_000_000);
    }

    @Test
    void refusesMoreThanTenThousandParts() {
        assertThatThrownBy(() -> new PartPlan(10_001, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new PartPlan(10_000, 1).partCount()).isEqualTo(10_000);
    }
}
