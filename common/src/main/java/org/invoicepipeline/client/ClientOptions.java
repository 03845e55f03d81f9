package org.invoicepipeline.client;

import io.micrometer.core.instrument.MeterRegistry;
import org.invoicepipeline.client.model.Scope;
import org.invoicepipeline.client.ratelimit.RateLimits;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * Immutable configuration of an {@link InvoiceExtractionClient}. {@link #toString()} never shows the key.
 *
 * @param baseUrl          the API root, e.g. {@code https://api.invoicedataextraction.com/v1}
 * @param apiKey           the bearer key; by default from {@value #API_KEY_ENV}
 * @param connectTimeout   TCP/TLS connect timeout
 * @param readTimeout      time allowed for the response headers of a call; a long-poll gets its wait on top
 * @param retryPolicy      retries of retryable failures
 * @param rateLimits       the client's own limits per endpoint group
 * @param scope            {@code own}/{@code team} for the calls that take it; {@code null} = the API's default
 * @param sdkName          sent as {@code X-SDK-Name} (up to 32 characters)
 * @param sdkVersion       sent as {@code X-SDK-Version}
 * @param partUrlBatchSize part URLs requested per call (1 to 1,000), each batch just before it is uploaded
 * @param meterRegistry    where the client's metrics go; {@code null} = no metrics
 * @param signedUrlRetryWindow how long after storage first refuses a signed URL (part upload, output download)
 *                         fresh URLs are still asked for, with back-off, before the transfer fails; positive
 */
public record ClientOptions(URI baseUrl, String apiKey, Duration connectTimeout, Duration readTimeout,
                            RetryPolicy retryPolicy, RateLimits rateLimits, Scope scope, String sdkName,
                            String sdkVersion, int partUrlBatchSize, MeterRegistry meterRegistry,
                            Duration signedUrlRetryWindow) {

    public static final String API_KEY_ENV = "INVOICE_DATA_EXTRACTION_API_KEY";
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.invoicedataextraction.com/v1");
    public static final String DEFAULT_SDK_NAME = "invoice-pipeline-java";
    public static final String DEFAULT_SDK_VERSION = "0.1.0";
    public static final int MAX_PART_URLS_PER_REQUEST = 1000;
    /** Default of {@link #signedUrlRetryWindow()}: a few minutes, well under a stage's {@code max.poll.interval.ms}. */
    public static final Duration DEFAULT_SIGNED_URL_RETRY_WINDOW = Duration.ofMinutes(3);

    public ClientOptions {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("No API key: set " + API_KEY_ENV + " or configure apiKey");
        }
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        Objects.requireNonNull(rateLimits, "rateLimits");
        Objects.requireNonNull(sdkName, "sdkName");
        if (sdkName.length() > 32) {
            throw new IllegalArgumentException("sdkName is limited to 32 characters");
        }
        Objects.requireNonNull(sdkVersion, "sdkVersion");
        if (partUrlBatchSize < 1 || partUrlBatchSize > MAX_PART_URLS_PER_REQUEST) {
            throw new IllegalArgumentException("partUrlBatchSize must be 1 to 1000, was " + partUrlBatchSize);
        }
        Objects.requireNonNull(signedUrlRetryWindow, "signedUrlRetryWindow");
        if (signedUrlRetryWindow.isNegative() || signedUrlRetryWindow.isZero()) {
            throw new IllegalArgumentException("signedUrlRetryWindow must be positive, was " + signedUrlRetryWindow);
        }
        String url = baseUrl.toString();
        if (url.endsWith("/")) {
            baseUrl = URI.create(url.substring(0, url.length() - 1));
        }
    }

    /** The options as before {@link #signedUrlRetryWindow()} existed, with its default. */
    public ClientOptions(URI baseUrl, String apiKey, Duration connectTimeout, Duration readTimeout,
                         RetryPolicy retryPolicy, RateLimits rateLimits, Scope scope, String sdkName,
                         String sdkVersion, int partUrlBatchSize, MeterRegistry meterRegistry) {
        this(baseUrl, apiKey, connectTimeout, readTimeout, retryPolicy, rateLimits, scope, sdkName, sdkVersion,
                partUrlBatchSize, meterRegistry, DEFAULT_SIGNED_URL_RETRY_WINDOW);
    }

    public static Builder builder() {
        return new Builder(System::getenv);
    }

    /** A builder reading the default key from {@code environment} instead of the process environment. */
    public static Builder builder(Function<String, String> environment) {
        return new Builder(environment);
    }

    public Builder toBuilder() {
        return new Builder(name -> null).baseUrl(baseUrl).apiKey(apiKey).connectTimeout(connectTimeout)
                .readTimeout(readTimeout).retryPolicy(retryPolicy).rateLimits(rateLimits).scope(scope)
                .sdk(sdkName, sdkVersion).partUrlBatchSize(partUrlBatchSize).meterRegistry(meterRegistry)
                .signedUrlRetryWindow(signedUrlRetryWindow);
    }

    @Override
    public String toString() {
        return "ClientOptions[baseUrl=" + baseUrl + ", apiKey=<redacted>, connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + ", retryPolicy=" + retryPolicy + ", rateLimits=" + rateLimits
                + ", scope=" + scope + ", sdkName=" + sdkName + ", sdkVersion=" + sdkVersion
                + ", partUrlBatchSize=" + partUrlBatchSize + ", signedUrlRetryWindow=" + signedUrlRetryWindow
                + ", metrics=" + (meterRegistry != null) + "]";
    }

    public static final class Builder {
        private final Function<String, String> environment;
        private URI baseUrl = DEFAULT_BASE_URL;
        private String apiKey;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private RateLimits rateLimits = RateLimits.documented();
        private Scope scope;
        private String sdkName = DEFAULT_SDK_NAME;
        private String sdkVersion = DEFAULT_SDK_VERSION;
        private int partUrlBatchSize = MAX_PART_URLS_PER_REQUEST;
        private MeterRegistry meterRegistry;
        private Duration signedUrlRetryWindow = DEFAULT_SIGNED_URL_RETRY_WINDOW;

        private Builder(Function<String, String> environment) {
            this.environment = environment;
        }

        public Builder baseUrl(URI baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        public Builder baseUrl(String baseUrl) {
            return baseUrl(URI.create(baseUrl));
        }

        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = readTimeout;
            return this;
        }

        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = retryPolicy;
            return this;
        }

        public Builder rateLimits(RateLimits rateLimits) {
            this.rateLimits = rateLimits;
            return this;
        }

        /** Shorthand for the documented limits with their windows shortened by {@code scale}. */
        public Builder rateLimitScale(double scale) {
            this.rateLimits = rateLimits.withScale(scale);
            return this;
        }

        public Builder scope(Scope scope) {
            this.scope = scope;
            return this;
        }

        public Builder sdk(String name, String version) {
            this.sdkName = name;
            this.sdkVersion = version;
            return this;
        }

        public Builder partUrlBatchSize(int partUrlBatchSize) {
            this.partUrlBatchSize = partUrlBatchSize;
            return this;
        }

        public Builder meterRegistry(MeterRegistry meterRegistry) {
            this.meterRegistry = meterRegistry;
            return this;
        }

        /** How long refused signed URLs are replaced by fresh ones, with back-off, before a transfer fails. */
        public Builder signedUrlRetryWindow(Duration signedUrlRetryWindow) {
            this.signedUrlRetryWindow = signedUrlRetryWindow;
            return this;
        }

        public ClientOptions build() {
            String key = apiKey != null ? apiKey : environment.apply(API_KEY_ENV);
            return new ClientOptions(baseUrl, key, connectTimeout, readTimeout, retryPolicy, rateLimits, scope,
                    sdkName, sdkVersion, partUrlBatchSize, meterRegistry, signedUrlRetryWindow);
        }
    }
}
