package org.invoicepipeline.ops.dlt;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.invoicepipeline.common.events.EventType;
import org.invoicepipeline.ops.ExitCodes;
import org.invoicepipeline.ops.OpsCommand;
import org.invoicepipeline.ops.OpsContext;
import org.invoicepipeline.ops.OpsException;
import org.invoicepipeline.ops.PipelineStage;
import org.invoicepipeline.ops.TimeBound;
import org.invoicepipeline.ops.Topology;
import org.invoicepipeline.ops.kafka.DeadLetterRecord;
import org.invoicepipeline.ops.kafka.EventFiles;
import org.invoicepipeline.ops.output.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dlt replay}: republishes dead letters to their stage's input as the next retry generation. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Republish the original records of a stage's dead letters to the stage's input, so they are"
                + " processed again once the cause is fixed.",
                "Each replay is the next retry generation of its files (new upload session, submission and result"
                        + " ids); its result supersedes the DEAD_LETTERED/FAILED one. A dead letter already replayed,"
                        + " or whose files already have a result of a later generation, is skipped: running the"
                        + " same replay twice does no work twice."})
public class DltReplayCommand implements Callable<Integer> {

    /** The answer. */
    public record Replay(String selection, boolean dryRun, int replayed, int skipped, List<Item> items) {
    }

    /** One selected dead letter and what was done with it. */
    public record Item(String deadLetter, String code, List<String> fileIds, int generation, Integer newGeneration,
                       String action, String republishedAs) {
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--stage", required = true, paramLabel = "STAGE",
            description = "The stage whose dead letters to replay: ${COMPLETION-CANDIDATES}.")
    PipelineStage stage;

    @Option(names = "--code", paramLabel = "CODE", description = "Only dead letters with this error code.")
    String code;

    @Option(names = "--file-id", paramLabel = "FILE_ID", description = "Only dead letters naming this file.")
    String fileId;

    @Option(names = "--since", paramLabel = "SPAN|INSTANT", defaultValue = "7d", converter = TimeBound.Converter.class,
            description = "Only dead letters written since then (default: ${DEFAULT-VALUE}).")
    TimeBound since;

    @Option(names = "--dry-run", description = "Show what would be replayed; publish nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        OpsContext context = OpsCommand.context(spec);
        Topology topology = context.topology();
        Selection selection = new Selection(stage, code, fileId, since.resolve(context.now()));
        List<DeadLetterRecord> selected = selection.of(context.deadLetters().read(List.of(stage), selection.since()));
        if (selected.isEmpty()) {
            throw OpsException.notFound("nothing to replay: no " + selection.describe());
        }
        Instant from = selected.stream().map(DeadLetterRecord::timestamp).min(Comparator.naturalOrder()).orElseThrow();
        List<ReplayDecision> decisions = ReplayPlanner.decide(selected, history(context, topology, from));
        List<Item> items = new ArrayList<>();
        String input = topology.inputTopic(stage);
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        for (ReplayDecision decision : decisions) {
            if (decision.replays() && !dryRun) {
                ProducerRecord<byte[], byte[]> record = Replays.record(decision, input, context.codec());
                sends.add(context.kafka().producer().send(record));
            }
        }
        List<String> written = await(context, sends);
        int next = 0;
        for (ReplayDecision decision : decisions) {
            String as = decision.replays() && !dryRun ? written.get(next++) : null;
            items.add(new Item(decision.record().id(), decision.record().code(), decision.fileIds(),
                    decision.generation(), decision.replays() ? decision.nextGeneration() : null,
                    decision.replays() && dryRun ? "WOULD_REPLAY" : decision.action().name(), as));
        }
        int replayed = (int) decisions.stream().filter(ReplayDecision::replays).count();
        context.output().emit(new Replay(selection.describe(), dryRun, dryRun ? 0 : replayed,
                decisions.size() - replayed, items), DltReplayCommand::human);
        return ExitCodes.OK;
    }

    /** Markers of earlier replays on the input topic, generations registered and generations with results. */
    private ReplayHistory history(OpsContext context, Topology topology, Instant from) {
        String input = topology.inputTopic(stage);
        String results = topology.topic(EventType.EXTRACTION_RESULT);
        Set<String> replayed = new HashSet<>();
        Map<String, Integer> registered = new HashMap<>();
        Map<String, Integer> resulted = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : context.scanner().scan(List.of(input, results), from)) {
            if (record.topic().equals(input)) {
                Header marker = record.headers().lastHeader(ReplayHistory.REPLAY_OF);
                if (marker != null && marker.value() != null) {
                    replayed.add(new String(marker.value(), StandardCharsets.UTF_8));
                }
                if (stage == PipelineStage.UPLOAD) {
                    generations(context, EventType.FILE_REGISTERED, record, registered);
                }
            }
            else {
                generations(context, EventType.EXTRACTION_RESULT, record, resulted);
            }
        }
        return new ReplayHistory(replayed, registered, resulted);
    }

    private static void generations(OpsContext context, EventType type, ConsumerRecord<byte[], byte[]> record,
                                    Map<String, Integer> highest) {
        SpecificRecord event = context.codec().decodeOrNull(type, record.topic(), record.headers(), record.value());
        if (event != null) {
            EventFiles.of(event).forEach(m -> highest.merge(m.fileId(), m.generation(), Math::max));
        }
    }

    private static List<String> await(OpsContext context, List<Future<RecordMetadata>> sends) {
        List<String> written = new ArrayList<>();
        long timeoutMillis = context.kafka().timeout().toMillis() * 2;
        for (Future<RecordMetadata> send : sends) {
            try {
                RecordMetadata metadata = send.get(timeoutMillis, TimeUnit.MILLISECONDS);
                written.add(DeadLetterRecord.id(metadata.topic(), metadata.partition(), metadata.offset()));
            }
            catch (TimeoutException e) {
                throw new OpsException(ExitCodes.BROKER_UNAVAILABLE, "a replay was not acknowledged within "
                        + timeoutMillis / 1000 + " s; " + written.size() + " of " + sends.size() + " were written,"
                        + " run the same replay again to finish (what was written is skipped)");
            }
            catch (ExecutionException e) {
                throw new OpsException(ExitCodes.FAILED, "a replay could not be written (" + e.getCause().getMessage()
                        + "); " + written.size() + " of " + sends.size() + " were written, run the same replay again");
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OpsException(ExitCodes.FAILED, "interrupted while writing replays");
            }
        }
        return written;
    }

    static String human(Replay replay) {
        Table table = Table.of("DEAD LETTER", "CODE", "FILES", "GEN", "NEW GEN", "ACTION", "REPUBLISHED AS");
        replay.items().forEach(i -> table.row(i.deadLetter(), i.code(), String.join(",", i.fileIds()), i.generation(),
                i.newGeneration(), i.action(), i.republishedAs()));
        String summary = replay.dryRun()
                ? "dry run: " + replay.items().stream().filter(i -> i.action().equals("WOULD_REPLAY")).count()
                        + " would be replayed, " + replay.skipped() + " skipped; nothing published\n"
                : replay.replayed() + " replayed, " + replay.skipped() + " skipped\n";
        return table.render() + summary;
    }
}
