package org.invoicepipeline.common.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * What flows through one stage, fed by {@link StageConsumerInterceptor} and {@link StageProducerInterceptor}:
 * <ul>
 *   <li>{@value #RECORDS_IN} / {@value #RECORDS_OUT}: records read and written (acknowledged), by topic;</li>
 *   <li>{@value #STAGE_DURATION}: per file, from the moment its input record was written (the record's
 *       timestamp; for the first stage the file's {@code registered_at}) until the stage wrote an event naming
 *       it — queueing in the topic plus the work of the stage;</li>
 *   <li>{@value #FILE_AGE}: per file, time since {@code registered_at} when the stage wrote an event naming it;
 *       on {@code extraction-results} this is the end-to-end latency.</li>
 * </ul>
 * Timers publish histogram buckets, so percentiles come from PromQL ({@code histogram_quantile}).
 */
public final class StageFlow {

    public static final String RECORDS_IN = "pipeline.records.in";
    public static final String RECORDS_OUT = "pipeline.records.out";
    public static final String STAGE_DURATION = "pipeline.stage.duration";
    public static final String FILE_AGE = "pipeline.file.age";

    /** Buckets of both timers: a second to a day, roughly ×2–3 apart. */
    static final Duration[] BUCKETS = {
            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5),
            Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(3),
            Duration.ofHours(12), Duration.ofDays(1)};

    private final String stage;
    private final Supplier<MeterRegistry> registry;
    private final Clock clock;
    /** file id -> when its current input record was written; bounded, oldest evicted first. */
    private final Map<String, Instant> entered;
    private final Map<String, Counter> in = new ConcurrentHashMap<>();
    private final Map<String, Counter> out = new ConcurrentHashMap<>();
    private final Map<String, Timer> ages = new ConcurrentHashMap<>();
    private volatile Timer stageDuration;

    StageFlow(String stage, Supplier<MeterRegistry> registry, int capacity) {
        this(stage, registry, capacity, Clock.systemUTC());
    }

    StageFlow(String stage, Supplier<MeterRegistry> registry, int capacity, Clock clock) {
        this.stage = stage;
        this.registry = registry;
        this.clock = clock;
        this.entered = new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
                return size() > capacity;
            }
        };
    }

    /** A record was read: count it, and remember when each file it names entered the stage. */
    public void received(String topic, long recordTimestamp, Object value) {
        counter(in, RECORDS_IN, topic, "Records a stage read from its input topics").increment();
        if (recordTimestamp < 0) {
            return;
        }
        Instant writtenAt = Instant.ofEpochMilli(recordTimestamp);
        synchronized (entered) {
            for (FileTimes.FileTime file : FileTimes.of(value)) {
                entered.put(file.fileId(), writtenAt);
            }
        }
    }

    /** The stage is writing an event: time the files it names. */
    public void sending(String topic, Object value) {
        Instant now = clock.instant();
        for (FileTimes.FileTime file : FileTimes.of(value)) {
            Instant since;
            synchronized (entered) {
                since = entered.remove(file.fileId());
            }
            // The first stage reads raw registrations: its files entered when they were registered.
            Instant start = since != null ? since : file.registeredAt();
            duration().record(nonNegative(Duration.between(start, now)));
            age(topic).record(nonNegative(Duration.between(file.registeredAt(), now)));
        }
    }

    /** The broker acknowledged a written record. */
    public void written(String topic) {
        counter(out, RECORDS_OUT, topic, "Records a stage wrote and the broker acknowledged").increment();
    }

    /** The topic's counter: a plain map read per record; registered (a lambda, a builder) only the first time. */
    private Counter counter(Map<String, Counter> counters, String name, String topic, String description) {
        Counter counter = counters.get(topic);
        return counter != null ? counter : counters.computeIfAbsent(topic, t -> Counter.builder(name)
                .tag("stage", stage).tag("topic", t).description(description).register(registry.get()));
    }

    private Timer duration() {
        Timer timer = stageDuration;
        if (timer == null) {
            timer = histogram(Timer.builder(STAGE_DURATION).tag("stage", stage)
                    .description("Per file: from its input record being written to the stage writing its output"));
            stageDuration = timer;
        }
        return timer;
    }

    private Timer age(String topic) {
        Timer timer = ages.get(topic);
        return timer != null ? timer : ages.computeIfAbsent(topic, t -> histogram(Timer.builder(FILE_AGE)
                .tag("stage", stage).tag("topic", t)
                .description("Per file: time since registered_at when a stage wrote an event naming it "
                        + "(end-to-end latency on the results topic)")));
    }

    private Timer histogram(Timer.Builder builder) {
        return builder.serviceLevelObjectives(BUCKETS).minimumExpectedValue(BUCKETS[0])
                .maximumExpectedValue(BUCKETS[BUCKETS.length - 1]).register(registry.get());
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
