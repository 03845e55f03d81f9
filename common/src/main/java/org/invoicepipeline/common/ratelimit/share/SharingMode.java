package org.invoicepipeline.common.ratelimit.share;

/** How the instances of the pipeline that use one API key divide its per-group limits. */
public enum SharingMode {
    /** No division: each instance uses {@code pipeline.api.rate-limit-share} of every limit (the operator divides). */
    NONE,
    /** Each instance takes the part of a group's limit that its stage's owned input partitions are of all of them. */
    PARTITIONS,
    /** All instances draw from one bucket per group per key in Redis; the partition share when Redis is unreachable. */
    REDIS
}
