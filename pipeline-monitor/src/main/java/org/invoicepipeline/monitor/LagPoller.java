package org.invoicepipeline.monitor;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Every poll interval: the watched groups' committed offsets and their topics' start and end offsets (admin
 * client), the write time of each lagging partition's oldest unconsumed record ({@link OldestRecordReader}), and
 * the depth and total of every dead-letter topic; published through {@link MonitorMetrics}.
 */
final class LagPoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LagPoller.class);

    private final MonitorProperties properties;
    private final BrokerOffsets broker;
    private final OldestRecordReader oldest;
    private final MonitorMetrics metrics;
    private final Clock clock;
    private volatile ScheduledExecutorService scheduler;

    LagPoller(MonitorProperties properties, BrokerOffsets broker, OldestRecordReader oldest, MonitorMetrics metrics,
              Clock clock) {
        this.properties = properties;
        this.broker = broker;
        this.oldest = oldest;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** One poll; false when the brokers could not be read (the previous values stay exported). */
    synchronized boolean pollOnce() {
        try {
            Set<String> existing = broker.topicNames();
            List<String> deadLetterTopics = BrokerOffsets.deadLetterTopics(existing, properties.getDeadLetterTopics());
            Set<String> watched = new HashSet<>(deadLetterTopics);
            properties.getGroups().values().forEach(group -> group.getTopics().stream()
                    .filter(existing::contains).forEach(watched::add));
            Set<TopicPartition> partitions = broker.partitionsOf(watched);
            Map<TopicPartition, Long> start = broker.offsets(partitions, OffsetSpec.earliest());
            Map<TopicPartition, Long> end = broker.offsets(partitions, OffsetSpec.latest());

            Map<String, Map<TopicPartition, Long>> committed = broker.committed(properties.getGroups().keySet());
            List<PartitionLag> lags = new ArrayList<>();
            for (Map.Entry<String, MonitorProperties.Group> entry : properties.getGroups().entrySet()) {
                Map<TopicPartition, Long> groupCommitted = committed.getOrDefault(entry.getKey(), Map.of());
                for (TopicPartition partition : partitions) {
                    if (!entry.getValue().getTopics().contains(partition.topic())) {
                        continue;
                    }
                    Long offset = groupCommitted.get(partition);
                    lags.add(PartitionLag.of(entry.getKey(), entry.getValue().getStage(), partition,
                            offset == null ? OptionalLong.empty() : OptionalLong.of(offset),
                            start.getOrDefault(partition, 0L), end.getOrDefault(partition, 0L)));
                }
            }
            Map<TopicPartition, Long> oldestOffsets = new HashMap<>();
            lags.stream().filter(lag -> lag.lagRecords() > 0)
                    .forEach(lag -> oldestOffsets.merge(lag.partition(), lag.nextOffset(), Math::min));
            OldestRecordReader.Oldest found = oldest.read(oldestOffsets, end);
            lags = lags.stream().map(lag -> found.nothingToRead().contains(lag.partition()) ? lag.withNothingToRead() : lag)
                    .toList();
            Instant now = clock.instant();
            metrics.lag(lags, found.written(), now);

            Map<String, long[]> deadLetters = new LinkedHashMap<>();
            deadLetterTopics.forEach(topic -> deadLetters.put(topic, new long[2]));
            for (TopicPartition partition : partitions) {
                long[] depthAndTotal = deadLetters.get(partition.topic());
                if (depthAndTotal != null) {
                    long e = end.getOrDefault(partition, 0L);
                    depthAndTotal[0] += e - start.getOrDefault(partition, 0L);
                    depthAndTotal[1] += e;
                }
            }
            metrics.deadLetters(deadLetters);
            metrics.succeeded(now);
            return true;
        }
        catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (scheduler == null) {
                return false; // stopping: the interrupted poll is no failure of the brokers
            }
            metrics.failed();
            log.warn("pipeline monitor could not read offsets: {}", e.toString());
            return false;
        }
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "pipeline-monitor-poller");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.getPollInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::pollOnce, 0, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService current = scheduler;
        scheduler = null;
        if (current != null) {
            current.shutdownNow();
            try {
                current.awaitTermination(10, TimeUnit.SECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
