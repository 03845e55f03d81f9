package org.invoicepipeline.ops;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.invoicepipeline.ops.dlt.DltCommand;
import org.invoicepipeline.ops.extraction.ExtractionCommand;
import org.invoicepipeline.ops.questions.QuestionsCommand;
import org.invoicepipeline.ops.status.StatusCommand;
import org.invoicepipeline.ops.trace.TraceCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code pipeline-ops}: the operator's command line. The connection options are inherited by every command, so
 * they may be given before or after the command's name; defaults come from the environment the workers use.
 */
@Command(name = "pipeline-ops", mixinStandardHelpOptions = true, version = "pipeline-ops 0.1.0",
        description = "Operate the invoice pipeline: where is a file, how are the stages doing, dead letters,"
                + " questions of extractions, cancel or delete an extraction.",
        subcommands = {TraceCommand.class, StatusCommand.class, DltCommand.class, QuestionsCommand.class,
                ExtractionCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 failed, 2 bad usage, 3 nothing found/matched, 4 Kafka unreachable,"
                + " 5 API unreachable or key refused, 6 not confirmed.",
                "The API key is read from INVOICE_DATA_EXTRACTION_API_KEY only, and never printed."})
public class OpsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = {"-b", "--bootstrap-servers"}, scope = ScopeType.INHERIT, paramLabel = "HOST:PORT,...",
            defaultValue = "${env:SPRING_KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}",
            description = "Kafka brokers (default: $SPRING_KAFKA_BOOTSTRAP_SERVERS, else ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(names = "--serde-mode", scope = ScopeType.INHERIT, paramLabel = "MODE",
            defaultValue = "${env:INVOICEPIPELINE_SERDE_MODE:-single-object}",
            description = "Event encoding as the workers use it: single-object or registry (default: ${DEFAULT-VALUE}).")
    String serdeMode;

    @Option(names = "--registry-url", scope = ScopeType.INHERIT, paramLabel = "URL",
            defaultValue = "${env:APICURIO_REGISTRY_URL}",
            description = "Apicurio registry v3 API, in registry mode (default: $APICURIO_REGISTRY_URL).")
    String registryUrl;

    @Option(names = "--api-base-url", scope = ScopeType.INHERIT, paramLabel = "URL",
            defaultValue = "${env:PIPELINE_API_BASE_URL:-https://api.invoicedataextraction.com/v1}",
            description = "The API root (default: $PIPELINE_API_BASE_URL, else ${DEFAULT-VALUE}).")
    String apiBaseUrl;

    @Option(names = "--rate-limit-scale", scope = ScopeType.INHERIT, paramLabel = "FACTOR", defaultValue = "1",
            description = "Shorten the documented rate-limit windows (only for a scaled sandbox; default 1).")
    double rateLimitScale;

    @Option(names = "--topic", scope = ScopeType.INHERIT, paramLabel = "DEFAULT=NAME",
            description = "A topic's name where it is not the default, e.g. --topic files-registered=acme.files"
                    + " (also upload-sessions-planned).")
    Map<String, String> topics = new LinkedHashMap<>();

    @Option(names = "--group", scope = ScopeType.INHERIT, paramLabel = "STAGE=GROUP",
            description = "A stage's consumer group where it is not the default (upload=upload-planner,"
                    + " submit=submit-worker, poll=poll-worker, download=download-worker).")
    Map<PipelineStage, String> groups = new LinkedHashMap<>();

    @Option(names = "--timeout", scope = ScopeType.INHERIT, paramLabel = "SPAN", defaultValue = "15s",
            description = "How long to wait for the brokers or the API to answer (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--json", scope = ScopeType.INHERIT,
            description = "Print the answer as one JSON document (for scripts) instead of tables.")
    boolean json;

    private OpsContext context;

    Duration timeout() {
        TimeBound bound = TimeBound.parse(timeout);
        if (bound.ago() == null) {
            throw new OpsException(ExitCodes.USAGE, "--timeout must be a span like 15s, was " + timeout);
        }
        return bound.ago();
    }

    void context(OpsContext context) {
        this.context = context;
    }

    /** The context of the running command ({@link OpsContext}). */
    public OpsContext context() {
        return context;
    }

    /** The context of the command {@code spec} belongs to. */
    public static OpsContext context(CommandSpec spec) {
        return ((OpsCommand) spec.root().userObject()).context();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
