package org.invoicepipeline.ops.dlt;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.invoicepipeline.events.FileRegistered;
import org.invoicepipeline.ops.kafka.DeadLetterRecord;
import org.invoicepipeline.ops.kafka.EventFiles;

/**
 * Decides, for each selected dead letter, whether {@code dlt replay} republishes it. A replay is the work of the
 * dead letter's generation + 1 (deterministic: the same dead letter always replays as the same generation, which the
 * upload stage de-duplicates), and it is skipped when it was replayed before (a marker header on the input topic,
 * or that generation already registered), when a later generation already has results for every file, or when
 * another selected dead letter is the same work.
 */
public final class ReplayPlanner {

    private ReplayPlanner() {
    }

    public static List<ReplayDecision> decide(List<DeadLetterRecord> selected, ReplayHistory history) {
        List<ReplayDecision> decisions = new ArrayList<>();
        Set<String> work = new HashSet<>();
        for (DeadLetterRecord record : selected) {
            if (record.event() == null) {
                decisions.add(new ReplayDecision(record, List.of(), 0, ReplayDecision.Action.SKIP_UNREADABLE));
                continue;
            }
            List<String> fileIds = EventFiles.of(record.event()).stream().map(EventFiles.Mention::fileId).toList();
            int generation = EventFiles.generation(record.event());
            decisions.add(new ReplayDecision(record, fileIds, generation,
                    action(record, fileIds, generation, history, work)));
        }
        return decisions;
    }

    private static ReplayDecision.Action action(DeadLetterRecord record, List<String> fileIds, int generation,
                                                ReplayHistory history, Set<String> work) {
        if (history.replayedRecords().contains(record.id())) {
            return ReplayDecision.Action.SKIP_ALREADY_REPLAYED;
        }
        if (record.event() instanceof FileRegistered registered
                && history.registeredGeneration().getOrDefault(registered.getFileId(), 0) > generation) {
            return ReplayDecision.Action.SKIP_ALREADY_REPLAYED;
        }
        if (!fileIds.isEmpty() && fileIds.stream()
                .allMatch(id -> history.resultGeneration().getOrDefault(id, -1) > generation)) {
            return ReplayDecision.Action.SKIP_SUPERSEDED;
        }
        String key = record.stage() + "|" + generation + "|" + fileIds.stream().sorted().toList();
        return work.add(key) ? ReplayDecision.Action.REPLAY : ReplayDecision.Action.SKIP_SAME_WORK;
    }
}
