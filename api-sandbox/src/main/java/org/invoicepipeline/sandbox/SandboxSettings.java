package org.invoicepipeline.sandbox;

import java.time.Duration;
import java.util.List;

/**
 * Everything a sandbox is started with; built by {@link ApiSandbox.Builder}, whose defaults are the
 * documented behaviour of the real API where there is one.
 *
 * @param apiKeys             the accepted keys, each its own account
 * @param initialCredits      each account's starting credit balance
 * @param rateLimitScale      1.0 = documented limits; 60 = windows 60x shorter (same ratios); 0 or less = off
 * @param pageProcessingTime  simulated processing time per page
 * @param bindAddress         interface to listen on
 * @param port                0 = a free port
 * @param partSizeBytes       the part_size answered by createUploadSession
 * @param partUrlTtl          lifetime of signed part-upload URLs (15 minutes documented)
 * @param downloadUrlTtl      lifetime of signed output URLs (5 minutes documented)
 * @param outputRetention     how long rows and outputs are kept after submission (90 days documented)
 * @param concurrentTaskLimit extractions running at once per account (15 documented)
 * @param answerWindow        from upload to a question's answer_by (40 hours documented)
 * @param httpThreads         threads serving requests (held long-polls do not occupy one)
 * @param pagesInParallel     pages of one extraction processed at once (the service processes pages in parallel)
 */
public record SandboxSettings(
        List<String> apiKeys,
        long initialCredits,
        double rateLimitScale,
        Duration pageProcessingTime,
        String bindAddress,
        int port,
        long partSizeBytes,
        Duration partUrlTtl,
        Duration downloadUrlTtl,
        Duration outputRetention,
        int concurrentTaskLimit,
        Duration answerWindow,
        int httpThreads,
        int pagesInParallel) {

    /** Pages processed at once when not set: several, as the service does ("parallel processing"). */
    public static final int DEFAULT_PAGES_IN_PARALLEL = 4;

    /** The settings with {@link #DEFAULT_PAGES_IN_PARALLEL}. */
    public SandboxSettings(List<String> apiKeys, long initialCredits, double rateLimitScale, Duration pageProcessingTime,
                           String bindAddress, int port, long partSizeBytes, Duration partUrlTtl, Duration downloadUrlTtl,
                           Duration outputRetention, int concurrentTaskLimit, Duration answerWindow, int httpThreads) {
        this(apiKeys, initialCredits, rateLimitScale, pageProcessingTime, bindAddress, port, partSizeBytes, partUrlTtl,
                downloadUrlTtl, outputRetention, concurrentTaskLimit, answerWindow, httpThreads, DEFAULT_PAGES_IN_PARALLEL);
    }

    public SandboxSettings {
        apiKeys = List.copyOf(apiKeys);
        if (apiKeys.isEmpty()) {
            throw new IllegalArgumentException("At least one API key is required");
        }
        if (partSizeBytes < 1 || concurrentTaskLimit < 1 || httpThreads < 1 || pagesInParallel < 1) {
            throw new IllegalArgumentException(
                    "partSizeBytes, concurrentTaskLimit, httpThreads and pagesInParallel must be positive");
        }
        if (pageProcessingTime.isNegative()) {
            throw new IllegalArgumentException("pageProcessingTime must not be negative");
        }
    }
}
