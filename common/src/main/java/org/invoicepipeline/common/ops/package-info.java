/**
 * The operations surface every stage worker shares: Kafka client metrics for every consumer and producer built
 * from Boot's {@code KafkaProperties} (containers and raw clients alike), records in/out and file ages per stage,
 * API credits and extractions in flight, cached readiness checks and the {@code /actuator/info} contents.
 * Wired by {@link org.invoicepipeline.common.ops.PipelineOpsAutoConfiguration} when a worker runs with Spring
 * Boot's actuator; documented in the top-level README ("Operations").
 */
@NullMarked
package org.invoicepipeline.common.ops;

import org.jspecify.annotations.NullMarked;
