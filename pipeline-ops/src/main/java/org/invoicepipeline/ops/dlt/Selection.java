package org.invoicepipeline.ops.dlt;

import java.time.Instant;
import java.util.List;

import org.invoicepipeline.ops.PipelineStage;
import org.invoicepipeline.ops.kafka.DeadLetterRecord;
import org.invoicepipeline.ops.kafka.EventFiles;

/**
 * Which dead letters a command acts on: of a stage, with a code, naming a file, written since a time.
 *
 * @param stage  null: every stage
 * @param code   null: every code
 * @param fileId null: every file
 */
public record Selection(PipelineStage stage, String code, String fileId, Instant since) {

    public boolean matches(DeadLetterRecord record) {
        return (stage == null || stage.stageName().equals(record.stage()))
                && (code == null || code.equalsIgnoreCase(String.valueOf(record.code())))
                && (fileId == null || (record.event() != null && EventFiles.names(record.event(), fileId)))
                && !record.timestamp().isBefore(since);
    }

    public List<DeadLetterRecord> of(List<DeadLetterRecord> records) {
        return records.stream().filter(this::matches).toList();
    }

    /** The selection in words, for "nothing matched" messages. */
    public String describe() {
        return "dead letters" + (stage == null ? "" : " of stage " + stage.stageName())
                + (code == null ? "" : " with code " + code) + (fileId == null ? "" : " naming file " + fileId)
                + " since " + since;
    }
}
