package org.invoicepipeline.ops;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.invoicepipeline.client.ClientOptions;
import org.invoicepipeline.client.InvoiceExtractionClient;
import org.invoicepipeline.client.RetryPolicy;
import org.invoicepipeline.common.serde.EventSerdeConfig;
import org.invoicepipeline.ops.kafka.DeadLetters;
import org.invoicepipeline.ops.kafka.EventCodec;
import org.invoicepipeline.ops.kafka.KafkaAccess;
import org.invoicepipeline.ops.kafka.TopicScanner;
import org.invoicepipeline.ops.output.Output;

/**
 * What a command works with, made from the global options on first use and closed when the command ends: the Kafka
 * clients, the event codec, the API client (its key from {@code INVOICE_DATA_EXTRACTION_API_KEY} only), the
 * output and the operator's terminal.
 */
public final class OpsContext implements AutoCloseable {

    private final OpsCommand options;
    private final Function<String, String> environment;
    private final PrintWriter out;
    private final BufferedReader in;
    private final Supplier<Instant> clock;
    private final Function<ClientOptions, InvoiceExtractionClient> apiFactory;
    private KafkaAccess kafka;
    private EventCodec codec;
    private InvoiceExtractionClient api;

    OpsContext(OpsCommand options, Function<String, String> environment, PrintWriter out, BufferedReader in,
               Supplier<Instant> clock, Function<ClientOptions, InvoiceExtractionClient> apiFactory) {
        this.apiFactory = apiFactory;
        this.options = options;
        this.environment = environment;
        this.out = out;
        this.in = in;
        this.clock = clock;
    }

    public Instant now() {
        return clock.get();
    }

    public Output output() {
        return new Output(out, options.json);
    }

    public BufferedReader terminal() {
        return in;
    }

    public Topology topology() {
        return Topology.of(options.topics, options.groups);
    }

    public synchronized KafkaAccess kafka() {
        if (kafka == null) {
            kafka = new KafkaAccess(options.bootstrapServers, options.timeout());
        }
        return kafka;
    }

    public TopicScanner scanner() {
        return new TopicScanner(kafka());
    }

    public synchronized EventCodec codec() {
        if (codec == null) {
            Map<String, Object> config = new HashMap<>();
            config.put(EventSerdeConfig.MODE, options.serdeMode);
            if (options.registryUrl != null) {
                config.put(EventSerdeConfig.APICURIO_URL, options.registryUrl);
            }
            codec = new EventCodec(config);
        }
        return codec;
    }

    public DeadLetters deadLetters() {
        return new DeadLetters(scanner(), codec(), topology());
    }

    /** True when an API key is configured (the environment), so API sections of {@code status} can be shown. */
    public boolean apiConfigured() {
        String key = environment.apply(ClientOptions.API_KEY_ENV);
        return key != null && !key.isBlank();
    }

    /** The API client; an {@link OpsException} when no key is configured. */
    public synchronized InvoiceExtractionClient api() {
        if (api == null) {
            if (!apiConfigured()) {
                throw new OpsException(ExitCodes.API_UNAVAILABLE, "no API key: set " + ClientOptions.API_KEY_ENV);
            }
            Duration timeout = options.timeout();
            ClientOptions.Builder builder = ClientOptions.builder(environment)
                    .baseUrl(URI.create(options.apiBaseUrl))
                    .connectTimeout(timeout)
                    .readTimeout(timeout)
                    // An operator waits for one answer: a few quick retries within --timeout, not a worker's patience.
                    .retryPolicy(new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(2), timeout));
            if (options.rateLimitScale != 1.0) {
                builder.rateLimitScale(options.rateLimitScale);
            }
            api = apiFactory.apply(builder.build());
        }
        return api;
    }

    @Override
    public synchronized void close() {
        if (api != null) {
            api.close();
        }
        if (codec != null) {
            codec.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }
}
