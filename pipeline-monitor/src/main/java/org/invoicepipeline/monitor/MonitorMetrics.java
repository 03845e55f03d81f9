package org.invoicepipeline.monitor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.apache.kafka.common.TopicPartition;

/** The monitor's meters; each poll replaces the rows of the per-partition gauges. README lists them. */
final class MonitorMetrics {

    static final String LAG_RECORDS = "pipeline.monitor.consumer.lag.records";
    static final String LAG_SECONDS = "pipeline.monitor.consumer.lag.seconds";
    static final String COMMITTED_OFFSET = "pipeline.monitor.consumer.committed.offset";
    static final String END_OFFSET = "pipeline.monitor.topic.end.offset";
    static final String DLT_DEPTH = "pipeline.monitor.dead.letter.depth.records";
    static final String DLT_RECORDS = "pipeline.monitor.dead.letter.records";
    static final String POLL_ERRORS = "pipeline.monitor.poll.errors";
    static final String LAST_SUCCESS = "pipeline.monitor.last.success.timestamp.seconds";

    private final MeterRegistry registry;
    private final MultiGauge lagRecords;
    private final MultiGauge lagSeconds;
    private final MultiGauge committedOffset;
    private final MultiGauge endOffset;
    private final MultiGauge deadLetterDepth;
    private final Map<String, AtomicLong> deadLettersWritten = new ConcurrentHashMap<>();
    private final Counter pollErrors;
    private final AtomicLong lastSuccess = new AtomicLong();

    MonitorMetrics(MeterRegistry registry) {
        this.registry = registry;
        lagRecords = MultiGauge.builder(LAG_RECORDS)
                .description("Records between a group's committed offset and the partition's end").register(registry);
        lagSeconds = MultiGauge.builder(LAG_SECONDS)
                .description("Age of the oldest record a group has not consumed (0 without lag)").register(registry);
        committedOffset = MultiGauge.builder(COMMITTED_OFFSET)
                .description("A group's committed offset (log start when it has none)").register(registry);
        endOffset = MultiGauge.builder(END_OFFSET)
                .description("End offset of a watched partition").register(registry);
        deadLetterDepth = MultiGauge.builder(DLT_DEPTH)
                .description("Records held in a dead-letter topic (end minus start offsets)").register(registry);
        pollErrors = Counter.builder(POLL_ERRORS).description("Polls of the brokers that failed").register(registry);
        Gauge.builder(LAST_SUCCESS, lastSuccess, AtomicLong::get)
                .description("Unix time of the last complete poll").register(registry);
    }

    void lag(List<PartitionLag> lags, Map<TopicPartition, Instant> oldest, Instant now) {
        List<MultiGauge.Row<?>> records = new ArrayList<>();
        List<MultiGauge.Row<?>> seconds = new ArrayList<>();
        List<MultiGauge.Row<?>> committed = new ArrayList<>();
        List<MultiGauge.Row<?>> ends = new ArrayList<>();
        java.util.Set<TopicPartition> seenEnds = new java.util.HashSet<>();
        for (PartitionLag lag : lags) {
            Tags tags = Tags.of("group", lag.group(), "stage", lag.stage(), "topic", lag.partition().topic(),
                    "partition", String.valueOf(lag.partition().partition()));
            records.add(MultiGauge.Row.of(tags, lag.lagRecords()));
            seconds.add(MultiGauge.Row.of(tags, lag.lagSeconds(oldest, now)));
            committed.add(MultiGauge.Row.of(tags, lag.nextOffset()));
            if (seenEnds.add(lag.partition())) {
                ends.add(MultiGauge.Row.of(Tags.of("topic", lag.partition().topic(),
                        "partition", String.valueOf(lag.partition().partition())), lag.endOffset()));
            }
        }
        lagRecords.register(records, true);
        lagSeconds.register(seconds, true);
        committedOffset.register(committed, true);
        endOffset.register(ends, true);
    }

    /** @param depthAndWritten per dead-letter topic: records held, records ever written (sum of end offsets) */
    void deadLetters(Map<String, long[]> depthAndWritten) {
        List<MultiGauge.Row<?>> depth = new ArrayList<>();
        depthAndWritten.forEach((topic, values) -> {
            depth.add(MultiGauge.Row.of(Tags.of("topic", topic), values[0]));
            deadLettersWritten.computeIfAbsent(topic, t -> {
                AtomicLong written = new AtomicLong();
                FunctionCounter.builder(DLT_RECORDS, written, AtomicLong::get).tag("topic", t)
                        .description("Records ever written to a dead-letter topic (sum of its end offsets); "
                                + "rate() is the inflow").register(registry);
                return written;
            }).set(values[1]);
        });
        deadLetterDepth.register(depth, true);
    }

    void succeeded(Instant at) {
        lastSuccess.set(at.getEpochSecond());
    }

    void failed() {
        pollErrors.increment();
    }
}
