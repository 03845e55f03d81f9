package org.invoicepipeline.local;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.invoicepipeline.client.ApiErrorException;
import org.invoicepipeline.client.ClientOptions;
import org.invoicepipeline.client.InvoiceExtractionClient;
import org.invoicepipeline.client.ratelimit.RateLimiterRegistry;
import org.invoicepipeline.client.ratelimit.RateLimits;
import org.invoicepipeline.common.kafka.StageNames;
import org.invoicepipeline.common.ratelimit.share.RateLimitSharing;
import org.invoicepipeline.common.ratelimit.share.RateLimitSharingProperties;
import org.invoicepipeline.common.ratelimit.share.SharingMode;
import org.invoicepipeline.common.ratelimit.share.StageShareRebalanceListener;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One instance of {@link ScaleOutBenchmark}, in a JVM of its own: the poll stage's client on the benchmark's key, its
 * share divided by a real consumer group (or Redis), drawing status calls with several threads as fast as its limiter
 * lets it, from the start time the parent writes into {@code go-file} for {@code seconds}.
 *
 * <p>Arguments: mode, sandbox base URL, bootstrap servers, topic, group, Redis URI, go-file, seconds, scale, threads,
 * burst fraction, window margin. The key comes from the environment.
 */
public final class ScaleOutBenchmarkInstance {

    private ScaleOutBenchmarkInstance() {
    }

    public static void main(String[] args) {
        try {
            run(args);
            System.exit(0);
        } catch (Throwable e) {
            e.printStackTrace(System.out);
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        SharingMode mode = SharingMode.valueOf(args[0]);
        String baseUrl = args[1];
        String bootstrap = args[2];
        String topic = args[3];
        String group = args[4];
        String redisUri = args[5];
        Path goFile = Path.of(args[6]);
        Duration run = Duration.ofSeconds(Long.parseLong(args[7]));
        double scale = Double.parseDouble(args[8]);
        int threads = Integer.parseInt(args[9]);
        RateLimits limits = RateLimits.documented().withScale(scale)
                .withShape(Double.parseDouble(args[10]), Double.parseDouble(args[11]));

        ClientOptions options = ClientOptions.builder().baseUrl(baseUrl).rateLimits(limits).build();
        InvoiceExtractionClient client = InvoiceExtractionClient.create(options);
        RateLimitSharingProperties properties = new RateLimitSharingProperties();
        properties.setMode(mode);
        properties.setRedisUri(redisUri);
        RateLimitSharing sharing = RateLimitSharing.install(
                RateLimiterRegistry.forKey(options.baseUrl().toString(), options.apiKey(), limits),
                options.baseUrl().toString(), options.apiKey(), properties, null);
        StageShareRebalanceListener shares = new StageShareRebalanceListener(null, sharing.register(StageNames.POLL));

        AtomicBoolean stop = new AtomicBoolean();
        Thread member = new Thread(() -> consumeAsGroupMember(bootstrap, topic, group, shares, stop), "member");
        member.start();

        while (!Files.exists(goFile)) { // the parent moves it into place whole
            Thread.sleep(20);
        }
        long startAt = Long.parseLong(Files.readString(goFile).trim());
        Thread.sleep(Math.max(0, startAt - System.currentTimeMillis()));
        long end = System.nanoTime() + run.toNanos();
        AtomicLong answered = new AtomicLong();
        AtomicLong rateLimited = new AtomicLong();
        List<Thread> callers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread caller = new Thread(() -> {
                while (System.nanoTime() < end) {
                    try {
                        client.getExtraction("ext_scale_out_benchmark");
                        answered.incrementAndGet();
                    } catch (ApiErrorException e) {
                        if (e.httpStatus() == 429) {
                            rateLimited.incrementAndGet();
                        } else {
                            answered.incrementAndGet(); // 404: answered, and counted by the server's limit
                        }
                    } catch (RuntimeException e) {
                        System.out.println("call failed: " + e);
                    }
                }
            });
            caller.start();
            callers.add(caller);
        }
        for (Thread caller : callers) {
            caller.join();
        }
        System.out.printf("done answered=%d rateLimited=%d redis=%s%n", answered.get(), rateLimited.get(),
                sharing.redisPermits() != null && sharing.redisPermits().usingRedis());
        stop.set(true);
        member.join(10_000);
        client.close();
    }

    /** Stays in the group so that the partitions, and with them the share, are divided as in a worker. */
    private static void consumeAsGroupMember(String bootstrap, String topic, String group,
                                             StageShareRebalanceListener shares, AtomicBoolean stop) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    shares.onPartitionsAssigned(consumer, partitions);
                    System.out.println("owned " + shares.owned().size());
                }

                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    shares.onPartitionsRevokedAfterCommit(consumer, partitions);
                    System.out.println("owned " + shares.owned().size());
                }

                @Override
                public void onPartitionsLost(Collection<TopicPartition> partitions) {
                    shares.onPartitionsLost(consumer, partitions);
                }
            });
            while (!stop.get()) {
                consumer.poll(Duration.ofMillis(100));
            }
        }
    }
}
