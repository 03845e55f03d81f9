package org.invoicepipeline.ops.dlt;

import java.util.Map;
import java.util.Set;

/**
 * What the topics say about earlier replays, for {@link ReplayPlanner}.
 *
 * @param replayedRecords      dead letters already replayed: the {@code x-pipeline-replay-of} headers found on the
 *                             stage's input topic
 * @param registeredGeneration per file, the highest retry generation registered on {@code files-registered}
 * @param resultGeneration     per file, the highest retry generation of its results
 */
public record ReplayHistory(Set<String> replayedRecords, Map<String, Integer> registeredGeneration,
                            Map<String, Integer> resultGeneration) {

    /** Header naming the dead letter a republished record replays ({@code <topic>-<partition>@<offset>}). */
    public static final String REPLAY_OF = "x-pipeline-replay-of";

    public static ReplayHistory none() {
        return new ReplayHistory(Set.of(), Map.of(), Map.of());
    }
}
