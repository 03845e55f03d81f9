package org.invoicepipeline.ops.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import org.invoicepipeline.client.InvoiceExtractionClient;
import org.invoicepipeline.client.InvoiceExtractionException;
import org.invoicepipeline.client.model.ExtractionState;
import org.invoicepipeline.client.model.ExtractionSummary;
import org.invoicepipeline.client.model.ListExtractionsQuery;
import org.invoicepipeline.ops.ExitCodes;
import org.invoicepipeline.ops.OpsCommand;
import org.invoicepipeline.ops.OpsContext;
import org.invoicepipeline.ops.PipelineStage;
import org.invoicepipeline.ops.TimeBound;
import org.invoicepipeline.ops.Topology;
import org.invoicepipeline.ops.kafka.ConsumerLag;
import org.invoicepipeline.ops.kafka.DeadLetterRecord;
import org.invoicepipeline.ops.output.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code status}: the state of the pipeline per stage, dead letters by code, and the API's view. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Per stage: consumer lag, oldest waiting age, DOWN/HOLDING stages; dead letters by code since a"
                + " time; from the API: extractions processing, waiting for answers (with answer_by), usable credits.",
                "Exits 5 (after printing the rest) when the API cannot be asked."})
public class StatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--since", paramLabel = "SPAN|INSTANT", defaultValue = "24h", converter = TimeBound.Converter.class,
            description = "Count dead letters written since then (default: ${DEFAULT-VALUE}).")
    TimeBound since;

    @Option(names = "--holding-after", paramLabel = "SPAN", defaultValue = "5m", converter = TimeBound.Converter.class,
            description = "A stage whose oldest waiting record waits longer is shown HOLDING (default: ${DEFAULT-VALUE}).")
    TimeBound holdingAfter;

    @Option(names = "--no-api", description = "Do not ask the API (Kafka only).")
    boolean noApi;

    @Override
    public Integer call() {
        OpsContext context = OpsCommand.context(spec);
        Instant now = context.now();
        Topology topology = context.topology();
        ConsumerLag lags = new ConsumerLag(context.kafka());
        List<PipelineStatus.StageLine> stages = new ArrayList<>();
        for (PipelineStage stage : PipelineStage.values()) {
            String topic = topology.inputTopic(stage);
            ConsumerLag.Lag lag = lags.of(topology.group(stage), topic);
            Long age = lag == null || lag.oldestWaiting() == null ? null
                    : Math.max(0, Duration.between(lag.oldestWaiting(), now).toSeconds());
            String state = StageStates.of(lag != null, lag == null ? 0 : lag.members(), lag == null ? 0 : lag.lag(),
                    age == null ? null : Duration.ofSeconds(age), holdingAfter.ago() == null
                            ? Duration.ofMinutes(5) : holdingAfter.ago());
            stages.add(new PipelineStatus.StageLine(stage.stageName(), topology.group(stage), topic, state,
                    lag == null ? "-" : lag.groupState(), lag == null ? 0 : lag.members(), lag == null ? 0 : lag.lag(),
                    age));
        }
        Instant from = since.resolve(now);
        Map<String, Map<String, Integer>> deadLetters = new TreeMap<>();
        for (DeadLetterRecord record : context.deadLetters().read(null, from)) {
            deadLetters.computeIfAbsent(record.stage(), s -> new TreeMap<>())
                    .merge(String.valueOf(record.code()), 1, Integer::sum);
        }
        PipelineStatus.ApiView api = noApi || !context.apiConfigured() ? null : api(context);
        context.output().emit(new PipelineStatus(now, stages, from, deadLetters, api), StatusCommand::human);
        if (api != null && api.error() != null) {
            spec.commandLine().getErr().println("pipeline-ops status: " + api.error());
            return ExitCodes.API_UNAVAILABLE;
        }
        return ExitCodes.OK;
    }

    static PipelineStatus.ApiView api(OpsContext context) {
        try {
            InvoiceExtractionClient client = context.api();
            long processing = client.listAllExtractions(ListExtractionsQuery.builder()
                    .status(ExtractionState.PROCESSING).limit(100).build()).count();
            List<PipelineStatus.Waiting> waiting = new ArrayList<>();
            client.listAllExtractions(ListExtractionsQuery.builder().status(ExtractionState.INPUT_REQUIRED).limit(100)
                    .build()).forEach((ExtractionSummary s) -> waiting.add(new PipelineStatus.Waiting(s.extractionId(),
                    s.submissionId(), s.answerBy(), s.progress())));
            long credits = client.getCreditsBalance().available();
            return new PipelineStatus.ApiView((int) processing, waiting, credits, null);
        }
        catch (InvoiceExtractionException e) {
            return new PipelineStatus.ApiView(null, List.of(), null, "the API could not be asked: " + e.getMessage());
        }
    }

    static String human(PipelineStatus status) {
        StringBuilder text = new StringBuilder("pipeline status at ").append(status.at()).append("\n\n");
        Table stages = Table.of("STAGE", "STATE", "GROUP", "MEMBERS", "INPUT TOPIC", "LAG", "OLDEST WAITING");
        status.stages().forEach(s -> stages.row(s.stage(), s.state(), s.group() + " (" + s.groupState() + ")",
                s.members(), s.topic(), s.lag(), s.oldestWaitingAge() == null ? null : s.oldestWaitingAge() + " s"));
        text.append(stages.render()).append('\n');
        text.append("dead letters since ").append(status.deadLettersSince()).append(": ");
        if (status.deadLetters().isEmpty()) {
            text.append("none\n");
        }
        else {
            Table dead = Table.of("STAGE", "CODE", "COUNT");
            status.deadLetters().forEach((stage, codes) -> codes.forEach((code, n) -> dead.row(stage, code, n)));
            text.append('\n').append(dead.render());
        }
        text.append('\n');
        PipelineStatus.ApiView api = status.api();
        if (api == null) {
            text.append("API: not asked (no INVOICE_DATA_EXTRACTION_API_KEY, or --no-api)\n");
        }
        else if (api.error() != null) {
            text.append("API: ").append(api.error()).append('\n');
        }
        else {
            text.append("API: ").append(api.processing()).append(" processing, ").append(api.inputRequired().size())
                    .append(" waiting for answers, ").append(api.creditsUsable()).append(" credits usable\n");
            if (!api.inputRequired().isEmpty()) {
                Table waiting = Table.of("EXTRACTION", "SUBMISSION", "ANSWER BY", "PROGRESS");
                api.inputRequired().forEach(w -> waiting.row(w.extractionId(), w.submissionId(), w.answerBy(),
                        w.progress()));
                text.append(waiting.render());
            }
        }
        return text.toString();
    }
}
