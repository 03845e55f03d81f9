package org.invoicepipeline.ops.trace;

import java.time.Instant;
import java.util.List;

/**
 * The history of one file across every topic.
 *
 * @param fileId     the file
 * @param since      how far back the topics were read
 * @param registered whether a registration was found in that window
 * @param outcome    the current outcome: the status of the result of the highest generation (latest among those),
 *                   or null while no result exists
 * @param steps      what happened, oldest first
 */
public record FileTrace(String fileId, Instant since, boolean registered, String outcome, List<TraceStep> steps) {
}
