package org.invoicepipeline.common.ratelimit.share;

import java.util.ArrayList;
import java.util.List;

/**
 * A worker app's hold on its key's {@link RateLimitSharing} ({@code null} in mode {@code none}): the stages it
 * registers leave the division when the app's context closes.
 */
public final class RateLimitSharingHandle implements AutoCloseable {

    private final RateLimitSharing sharing;
    private final List<StageShare> stages = new ArrayList<>();

    public RateLimitSharingHandle(RateLimitSharing sharing) {
        this.sharing = sharing;
    }

    public RateLimitSharing sharing() {
        return sharing;
    }

    /** Registers one listener container factory's stage. */
    public synchronized StageShare stage(String stage) {
        StageShare share = sharing.register(stage);
        stages.add(share);
        return share;
    }

    @Override
    public synchronized void close() {
        stages.forEach(StageShare::close);
        stages.clear();
    }
}
