package org.invoicepipeline.ops.dlt;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import org.invoicepipeline.ops.ExitCodes;
import org.invoicepipeline.ops.OpsCommand;
import org.invoicepipeline.ops.OpsContext;
import org.invoicepipeline.ops.OpsException;
import org.invoicepipeline.ops.PipelineStage;
import org.invoicepipeline.ops.TimeBound;
import org.invoicepipeline.ops.kafka.DeadLetterRecord;
import org.invoicepipeline.ops.kafka.EventFiles;
import org.invoicepipeline.ops.output.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dlt list}: dead letters counted by stage and code, and the records themselves. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Dead letters counted by stage and code, then one line per record (its id for dlt show).")
public class DltListCommand implements Callable<Integer> {

    /** The answer: counts per stage and code, and the records. */
    public record Listing(String selection, Map<String, Map<String, Integer>> countsByStageAndCode,
                          List<Line> records) {
    }

    /** One dead letter in a listing. */
    public record Line(String id, java.time.Instant at, String stage, String code, Boolean retryable,
                       List<String> fileIds, String message) {
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--stage", paramLabel = "STAGE", description = "Only this stage: ${COMPLETION-CANDIDATES}.")
    PipelineStage stage;

    @Option(names = "--code", paramLabel = "CODE", description = "Only this error code (x-error-code).")
    String code;

    @Option(names = "--file-id", paramLabel = "FILE_ID", description = "Only dead letters naming this file.")
    String fileId;

    @Option(names = "--since", paramLabel = "SPAN|INSTANT", defaultValue = "7d", converter = TimeBound.Converter.class,
            description = "Only dead letters written since then (default: ${DEFAULT-VALUE}).")
    TimeBound since;

    @Override
    public Integer call() {
        OpsContext context = OpsCommand.context(spec);
        Selection selection = new Selection(stage, code, fileId, since.resolve(context.now()));
        List<DeadLetterRecord> selected = selection.of(context.deadLetters()
                .read(stage == null ? null : List.of(stage), selection.since()));
        if (selected.isEmpty()) {
            throw OpsException.notFound("no " + selection.describe());
        }
        context.output().emit(listing(selection, selected), DltListCommand::human);
        return ExitCodes.OK;
    }

    static Listing listing(Selection selection, List<DeadLetterRecord> records) {
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        for (DeadLetterRecord record : records) {
            counts.computeIfAbsent(record.stage(), s -> new TreeMap<>()).merge(String.valueOf(record.code()), 1, Integer::sum);
        }
        List<Line> lines = records.stream().map(r -> new Line(r.id(), r.timestamp(), r.stage(), r.code(), r.retryable(),
                r.event() == null ? List.of() : EventFiles.of(r.event()).stream().map(EventFiles.Mention::fileId).toList(),
                r.message())).toList();
        return new Listing(selection.describe(), counts, lines);
    }

    static String human(Listing listing) {
        Table counts = Table.of("STAGE", "CODE", "COUNT");
        listing.countsByStageAndCode().forEach((stage, byCode) -> byCode.forEach((code, n) -> counts.row(stage, code, n)));
        Table records = Table.of("ID", "TIME", "STAGE", "CODE", "RETRYABLE", "FILES", "MESSAGE");
        listing.records().forEach(l -> records.row(l.id(), l.at(), l.stage(), l.code(), l.retryable(),
                String.join(",", l.fileIds()), l.message()));
        return counts.render() + "\n" + records.render();
    }
}
