package org.invoicepipeline.common.ratelimit.share;

/** The share of a limit an instance's own bucket enforces: the configured share × the group fraction × the AIMD factor. */
public final class SharedRate {

    /** Below this the limiter still lets one request per window through (RateLimits keeps at least one). */
    static final double MINIMUM_SHARE = 1e-6;

    private SharedRate() {
    }

    /**
     * @param configuredShare {@code pipeline.api.rate-limit-share}: the part of the key the whole pipeline may use
     * @param groupFraction   this instance's part of the pipeline's budget for the group ({@link GroupDivision})
     * @param aimdFactor      the {@link Aimd} factor after 429s
     * @return the share for {@code RateLimits.withShare}, in (0, 1]
     */
    public static double share(double configuredShare, double groupFraction, double aimdFactor) {
        double share = configuredShare * groupFraction * aimdFactor;
        return Math.min(1.0, Math.max(MINIMUM_SHARE, share));
    }
}
