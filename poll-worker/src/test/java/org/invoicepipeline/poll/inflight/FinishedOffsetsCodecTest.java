package org.invoicepipeline.poll.inflight;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class FinishedOffsetsCodecTest {

    private final FinishedOffsetsCodec codec = new FinishedOffsetsCodec(4000);

    @Test
    void nothingFinishedAboveTheCommitIsEmptyMetadata() {
        assertThat(codec.encode(42, new TreeSet<>())).isEmpty();
        assertThat(codec.decode(42, "")).isEmpty();
        assertThat(codec.decode(42, null)).isEmpty();
    }

    @Test
    void roundTripsARunOfFinishedOffsetsBehindOneHeldRecord() {
        TreeSet<Long> finished = new TreeSet<>(LongStream.rangeClosed(101, 5_100).boxed().toList());

        String metadata = codec.encode(100, finished);

        assertThat(metadata).startsWith("pfo1;100;");
        assertThat(metadata.length()).isLessThan(40);
        assertThat(codec.decode(100, metadata)).isEqualTo(finished);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 7, 1234567})
    void roundTripsScatteredOffsets(long seed) {
        Random random = new Random(seed);
        TreeSet<Long> finished = new TreeSet<>();
        for (int i = 0; i < 800; i++) {
            finished.add(1_000_000L + 1 + random.nextInt(3_000));
        }

        String metadata = codec.encode(1_000_000L, finished);

        assertThat(codec.decode(1_000_000L, metadata)).isEqualTo(finished);
        assertThat(metadata.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(4000);
    }

    @Test
    void alternatingOffsetsUseTheSmallerOfBitsetAndRunLengths() {
        TreeSet<Long> everyOther = new TreeSet<>();
        for (long o = 2; o < 6_000; o += 2) {
            everyOther.add(o);
        }

        String metadata = codec.encode(1, everyOther);

        // 6,000 offsets as a bitset: 750 bytes, about 1,000 base64 characters; as run lengths it would be ~4,000.
        assertThat(metadata.length()).isLessThan(1_100);
        assertThat(codec.decode(1, metadata)).isEqualTo(everyOther);
    }

    @Test
    void whatWouldNotFitIsCutToTheLowestFinishedOffsetsThatDo() {
        FinishedOffsetsCodec small = new FinishedOffsetsCodec(64);
        Random random = new Random(3);
        TreeSet<Long> finished = new TreeSet<>();
        for (int i = 0; i < 2_000; i++) {
            finished.add(10L + 1 + random.nextInt(1_000_000));
        }

        String metadata = small.encode(10, finished);

        assertThat(metadata.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(64);
        TreeSet<Long> kept = new TreeSet<>(small.decode(10, metadata));
        assertThat(kept).isNotEmpty();
        // A prefix: every finished offset up to the highest one kept, and nothing that was not finished.
        assertThat(kept).isEqualTo(finished.headSet(kept.last(), true));
    }

    @Test
    void aBudgetTooSmallForAnyOffsetGivesEmptyMetadata() {
        FinishedOffsetsCodec tiny = new FinishedOffsetsCodec(8);
        assertThat(tiny.encode(10_000_000_000L, new TreeSet<>(List.of(10_000_000_001L)))).isEmpty();
    }

    @Test
    void metadataOfAnotherCommitOrFormatIsIgnored() {
        String metadata = codec.encode(100, new TreeSet<>(List.of(101L, 105L)));

        // The group's offset was reset (or moved by another tool): the recorded offsets describe another base.
        assertThat(codec.decode(200, metadata)).isEmpty();
        assertThat(codec.decode(100, "written by something else")).isEmpty();
        assertThat(codec.decode(100, "pfo1;100;r!!not-base64")).isEmpty();
        assertThat(codec.decode(100, "pfo1;100;x")).isEmpty();
    }
}
