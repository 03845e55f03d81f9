package org.invoicepipeline.common.ratelimit.share;

/** One stage's registration with the {@link RateLimitSharing} of its key: it reports the partition share it owns. */
public final class StageShare implements AutoCloseable {

    private final RateLimitSharing sharing;
    private final String stage;
    private volatile double share;

    StageShare(RateLimitSharing sharing, String stage) {
        this.sharing = sharing;
        this.stage = stage;
    }

    public String stage() {
        return stage;
    }

    /** The last share reported. */
    public double share() {
        return share;
    }

    /** Re-divides the key's limits after a rebalance: this stage now owns {@code share} of its input partitions. */
    public void report(double share) {
        this.share = share;
        sharing.update(this, share);
    }

    /** The stage stopped: its share goes back to the others of the JVM. */
    @Override
    public void close() {
        sharing.remove(this);
    }
}
