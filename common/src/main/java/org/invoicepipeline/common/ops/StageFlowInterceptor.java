package org.invoicepipeline.common.ops;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What {@link StageConsumerInterceptor} and {@link StageProducerInterceptor} share: Kafka instantiates them, so
 * each finds its stage's {@link StageFlow} through the client configuration ({@link StageMeters#from}); a client
 * built for no registered context has none and is not observed.
 */
abstract class StageFlowInterceptor {

    private volatile @Nullable StageFlow flow;

    public void configure(Map<String, ?> configs) {
        flow = StageMeters.from(configs).map(StageMeters::flow).orElse(null);
    }

    /** The stage's flow, or {@code null} when this client is not observed. */
    protected final @Nullable StageFlow flow() {
        return flow;
    }

    public void close() {
    }
}
