package org.invoicepipeline.ops.trace;

import java.time.Instant;
import java.util.concurrent.Callable;

import org.invoicepipeline.common.events.FileIds;
import org.invoicepipeline.ops.ExitCodes;
import org.invoicepipeline.ops.OpsCommand;
import org.invoicepipeline.ops.OpsContext;
import org.invoicepipeline.ops.OpsException;
import org.invoicepipeline.ops.TimeBound;
import org.invoicepipeline.ops.output.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code trace FILE_ID}: the history of one file across every topic. */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = "The history of one file across every topic: registered, planned, uploaded, submitted,"
                + " questions, completed, result or dead letter, with timestamps, ids and errors.")
public class TraceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE_ID", description = "The producer's file_id.")
    String fileId;

    @Option(names = "--since", paramLabel = "SPAN|INSTANT", defaultValue = "7d", converter = TimeBound.Converter.class,
            description = "Read records written since then: 30m, 6h, 7d or 2026-07-01T09:30:00Z (default: ${DEFAULT-VALUE}).")
    TimeBound since;

    @Override
    public Integer call() {
        FileIds.problem(fileId).ifPresent(problem -> {
            throw new OpsException(ExitCodes.USAGE, "not a file id: " + problem);
        });
        OpsContext context = OpsCommand.context(spec);
        Instant from = since.resolve(context.now());
        FileHistory history = new FileHistory(context.topology(), context.codec(), context.deadLetters());
        FileTrace trace = history.trace(fileId, from, context.scanner().scan(history.topics(), from));
        if (trace.steps().isEmpty()) {
            throw OpsException.notFound("file " + fileId + " was never registered (no record names it since " + from
                    + "; an older registration needs a longer --since)");
        }
        context.output().emit(trace, TraceCommand::human);
        return ExitCodes.OK;
    }

    static String human(FileTrace trace) {
        Table table = Table.of("TIME", "STEP", "GEN", "STATUS", "SESSION", "SUBMISSION", "EXTRACTION", "DETAIL");
        trace.steps().forEach(s -> table.row(s.at(), s.step(), s.generation(), s.status(), s.uploadSessionId(),
                s.submissionId(), s.extractionId(), s.detail()));
        StringBuilder text = new StringBuilder("file " + trace.fileId() + ": ")
                .append(trace.outcome() == null ? "no result yet" : "current outcome " + trace.outcome());
        if (!trace.registered()) {
            text.append(" (its registration is older than ").append(trace.since()).append(')');
        }
        return text.append('\n').append(table.render()).toString();
    }
}
