package org.invoicepipeline.client.ratelimit;

/**
 * Permits of a key's endpoint groups drawn from somewhere other than one JVM's own buckets, so that several
 * instances using one key stay within its limits together (see {@code org.invoicepipeline.common.ratelimit.share}).
 */
public interface PermitSource {

    /** Blocks until the group grants a permit. */
    void acquire(EndpointGroup group) throws InterruptedException;

    /** Takes a permit if one is available now, without waiting. */
    boolean tryAcquire(EndpointGroup group);

    /** The server answered 429 for the group although a permit was granted: the source should slow down. */
    default void rateLimited(EndpointGroup group) {
    }
}
