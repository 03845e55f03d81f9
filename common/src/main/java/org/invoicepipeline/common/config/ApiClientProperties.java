package org.invoicepipeline.common.config;

import java.net.URI;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import org.invoicepipeline.client.ClientOptions;
import org.invoicepipeline.client.RetryPolicy;
import org.invoicepipeline.client.ratelimit.RateLimits;
import org.invoicepipeline.common.ratelimit.share.RateLimitSharingProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * The API client of every stage, under {@code pipeline.api.*}. Each worker app binds these and builds its
 * client with {@link #toClientOptions(MeterRegistry)}; the key is never logged ({@link #toString()} hides it).
 * Validates itself at binding (Boot applies a properties class that is a {@link Validator}): a rate-limit setting
 * the limiter cannot work with fails the start naming the property.
 */
@ConfigurationProperties(ApiClientProperties.PREFIX)
public class ApiClientProperties implements Validator {

    /** Prefix of these properties. */
    public static final String PREFIX = "pipeline.api";

    /* Keys set from outside the stage (local-pipeline, its tests), defined once next to their property. */
    public static final String BASE_URL = PREFIX + ".base-url";
    public static final String API_KEY = PREFIX + ".api-key";
    public static final String RATE_LIMIT_SCALE = PREFIX + ".rate-limit-scale";
    public static final String RATE_LIMIT_BURST_FRACTION = PREFIX + ".rate-limit-burst-fraction";
    public static final String RATE_LIMIT_WINDOW_MARGIN = PREFIX + ".rate-limit-window-margin";

    /** The API root. */
    private URI baseUrl = ClientOptions.DEFAULT_BASE_URL;

    /** The bearer key; when unset, the environment variable INVOICE_DATA_EXTRACTION_API_KEY is used. */
    private String apiKey;

    /** TCP/TLS connect timeout. */
    private Duration connectTimeout = Duration.ofSeconds(10);

    /** Time allowed for a response's headers; a long-poll gets its wait on top. */
    private Duration readTimeout = Duration.ofSeconds(30);

    /** Factor by which the documented rate-limit windows are shortened (only for a scaled sandbox; 1 = documented). */
    private double rateLimitScale = 1.0;

    /** Fraction (0, 1] of the key's documented rate limits this JVM may use, when several processes share a key. */
    private double rateLimitShare = 1.0;

    /**
     * Fraction [0, 1] of each group's per-window limit that may be sent at once after an idle spell (at least one
     * request). The sustained rate is (limit - burst) / (1 + window margin) per window, so the reserve costs
     * throughput; the window bound holds for any burst.
     */
    private double rateLimitBurstFraction = RateLimits.DEFAULT_BURST_FRACTION;

    /**
     * Fraction [0, 1] by which the limiter's refill period is longer than the server's window: requests reaching
     * the server up to this fraction of a window late still never exceed its limit in any window.
     */
    private double rateLimitWindowMargin = RateLimits.DEFAULT_WINDOW_MARGIN;

    /** How the instances using the key divide its limits across processes (partition share, Redis or none). */
    @NestedConfigurationProperty
    private final RateLimitSharingProperties rateLimitSharing = new RateLimitSharingProperties();

    /** Whether the client limits its own request rate; 429s are honoured either way. */
    private boolean rateLimitEnabled = true;

    /** Calls in all (first included) for a retryable failure inside one client call. */
    private int retryMaxAttempts = 4;

    /** First back-off between the client's own retries (exponential, full jitter; Retry-After wins). */
    private Duration retryInitialBackoff = Duration.ofMillis(500);

    /** Cap of one back-off between the client's own retries. */
    private Duration retryMaxBackoff = Duration.ofSeconds(10);

    /**
     * Time budget of one client call with its retries. Keep it well under the consumers'
     * {@code max.poll.interval.ms}: the stage's error handler takes over longer waits by pausing the container.
     */
    private Duration retryMaxTotal = Duration.ofSeconds(45);

    /** Part URLs requested per call (1 to 1,000). */
    private int partUrlBatchSize = ClientOptions.MAX_PART_URLS_PER_REQUEST;

    /**
     * How long after storage first refuses a signed URL (part upload, output download: expired or refused
     * signature, storage 5xx) fresh URLs are still asked for, with back-off, before the transfer fails; positive.
     * Keep it under the consumers' {@code max.poll.interval.ms}: a stage then retries the record.
     */
    private Duration signedUrlRetryWindow = ClientOptions.DEFAULT_SIGNED_URL_RETRY_WINDOW;

    public ClientOptions toClientOptions(MeterRegistry meterRegistry) {
        RateLimits limits = (rateLimitEnabled ? RateLimits.documented() : RateLimits.disabled())
                .withScale(rateLimitScale).withShare(rateLimitShare)
                .withShape(rateLimitBurstFraction, rateLimitWindowMargin);
        ClientOptions.Builder builder = ClientOptions.builder()
                .baseUrl(baseUrl)
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .retryPolicy(new RetryPolicy(retryMaxAttempts, retryInitialBackoff, retryMaxBackoff, retryMaxTotal))
                .rateLimits(limits)
                .partUrlBatchSize(partUrlBatchSize)
                .signedUrlRetryWindow(signedUrlRetryWindow)
                .meterRegistry(meterRegistry);
        if (apiKey != null && !apiKey.isBlank()) {
            builder.apiKey(apiKey);
        }
        return builder.build();
    }

    @Override
    public boolean supports(Class<?> type) {
        return ApiClientProperties.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        ApiClientProperties properties = (ApiClientProperties) target;
        PropertyRules rules = new PropertyRules(PREFIX, errors);
        rules.require(properties.rateLimitScale > 0, "rateLimitScale", properties.rateLimitScale, "must be positive")
                .require(properties.rateLimitShare > 0 && properties.rateLimitShare <= 1, "rateLimitShare",
                        properties.rateLimitShare, "must be in (0, 1]")
                .require(properties.rateLimitBurstFraction >= 0 && properties.rateLimitBurstFraction <= 1,
                        "rateLimitBurstFraction", properties.rateLimitBurstFraction, "must be in [0, 1]")
                .require(properties.rateLimitWindowMargin >= 0 && properties.rateLimitWindowMargin <= 1,
                        "rateLimitWindowMargin", properties.rateLimitWindowMargin, "must be in [0, 1]");
    }

    public URI getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    public double getRateLimitScale() {
        return rateLimitScale;
    }

    public void setRateLimitScale(double rateLimitScale) {
        this.rateLimitScale = rateLimitScale;
    }

    public double getRateLimitShare() {
        return rateLimitShare;
    }

    public void setRateLimitShare(double rateLimitShare) {
        this.rateLimitShare = rateLimitShare;
    }

    public double getRateLimitBurstFraction() {
        return rateLimitBurstFraction;
    }

    public void setRateLimitBurstFraction(double rateLimitBurstFraction) {
        this.rateLimitBurstFraction = rateLimitBurstFraction;
    }

    public double getRateLimitWindowMargin() {
        return rateLimitWindowMargin;
    }

    public void setRateLimitWindowMargin(double rateLimitWindowMargin) {
        this.rateLimitWindowMargin = rateLimitWindowMargin;
    }

    public RateLimitSharingProperties getRateLimitSharing() {
        return rateLimitSharing;
    }

    public boolean isRateLimitEnabled() {
        return rateLimitEnabled;
    }

    public void setRateLimitEnabled(boolean rateLimitEnabled) {
        this.rateLimitEnabled = rateLimitEnabled;
    }

    public int getRetryMaxAttempts() {
        return retryMaxAttempts;
    }

    public void setRetryMaxAttempts(int retryMaxAttempts) {
        this.retryMaxAttempts = retryMaxAttempts;
    }

    public Duration getRetryInitialBackoff() {
        return retryInitialBackoff;
    }

    public void setRetryInitialBackoff(Duration retryInitialBackoff) {
        this.retryInitialBackoff = retryInitialBackoff;
    }

    public Duration getRetryMaxBackoff() {
        return retryMaxBackoff;
    }

    public void setRetryMaxBackoff(Duration retryMaxBackoff) {
        this.retryMaxBackoff = retryMaxBackoff;
    }

    public Duration getRetryMaxTotal() {
        return retryMaxTotal;
    }

    public void setRetryMaxTotal(Duration retryMaxTotal) {
        this.retryMaxTotal = retryMaxTotal;
    }

    public int getPartUrlBatchSize() {
        return partUrlBatchSize;
    }

    public void setPartUrlBatchSize(int partUrlBatchSize) {
        this.partUrlBatchSize = partUrlBatchSize;
    }

    public Duration getSignedUrlRetryWindow() {
        return signedUrlRetryWindow;
    }

    public void setSignedUrlRetryWindow(Duration signedUrlRetryWindow) {
        this.signedUrlRetryWindow = signedUrlRetryWindow;
    }

    @Override
    public String toString() {
        return "ApiClientProperties[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "<from environment>" : "<redacted>")
                + ", rateLimitScale=" + rateLimitScale + ", rateLimitShare=" + rateLimitShare
                + ", rateLimitBurstFraction=" + rateLimitBurstFraction + ", rateLimitWindowMargin=" + rateLimitWindowMargin + "]";
    }
}
