package org.invoicepipeline.ops;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.kafka.common.KafkaException;
import org.invoicepipeline.client.ApiErrorException;
import org.invoicepipeline.client.ApiTransportException;
import org.invoicepipeline.client.AuthenticationException;
import org.invoicepipeline.client.ClientOptions;
import org.invoicepipeline.client.InvoiceExtractionClient;
import org.invoicepipeline.client.InvoiceExtractionException;
import picocli.CommandLine;

/**
 * The {@code pipeline-ops} launcher: runs one command and turns any failure into one line on stderr and an exit
 * code ({@link ExitCodes}), never a stack trace.
 */
public final class PipelineOps {

    private PipelineOps() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        System.exit(run(args, out, err, in, System::getenv, Instant::now));
    }

    /** Runs {@code args}; the environment (API key) and terminal are passed in so tests need no process. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, BufferedReader in,
                          Function<String, String> environment, Supplier<Instant> clock) {
        return run(args, out, err, in, environment, clock, InvoiceExtractionClient::create);
    }

    /** As above, with the API client made by {@code apiFactory} (tests pass a mock). */
    public static int run(String[] args, PrintWriter out, PrintWriter err, BufferedReader in,
                          Function<String, String> environment, Supplier<Instant> clock,
                          Function<ClientOptions, InvoiceExtractionClient> apiFactory) {
        OpsCommand root = new OpsCommand();
        CommandLine commandLine = new CommandLine(root)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(out)
                .setErr(err)
                .setExecutionStrategy(parsed -> {
                    root.context(new OpsContext(root, environment, out, in, clock, apiFactory));
                    try {
                        return new CommandLine.RunLast().execute(parsed);
                    }
                    finally {
                        root.context().close();
                    }
                })
                .setParameterExceptionHandler((e, args1) -> {
                    // One line, not the whole usage: the command's --help has it.
                    CommandLine cmd = e.getCommandLine();
                    err.println("pipeline-ops " + String.join(" ", commandPath(cmd)) + ": " + oneLine(e)
                            + " (see " + cmd.getCommandSpec().qualifiedName() + " --help)");
                    err.flush();
                    return ExitCodes.USAGE;
                })
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    err.println("pipeline-ops " + String.join(" ", commandPath(cmd)) + ": " + oneLine(e));
                    err.flush();
                    return exitCode(e);
                });
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static java.util.List<String> commandPath(CommandLine cmd) {
        java.util.LinkedList<String> names = new java.util.LinkedList<>();
        for (CommandLine c = cmd; c.getParent() != null; c = c.getParent()) {
            names.addFirst(c.getCommandName());
        }
        return names;
    }

    static int exitCode(Throwable e) {
        if (e instanceof OpsException ops) {
            return ops.exitCode();
        }
        if (e instanceof AuthenticationException || e instanceof ApiTransportException) {
            return ExitCodes.API_UNAVAILABLE;
        }
        if (e instanceof ApiErrorException api && api.httpStatus() == 404) {
            return ExitCodes.NOT_FOUND;
        }
        if (e instanceof KafkaException || e instanceof org.apache.kafka.common.errors.TimeoutException) {
            return ExitCodes.BROKER_UNAVAILABLE;
        }
        return ExitCodes.FAILED;
    }

    /** The failure in one line: ours as they are, the API's with its code, anything else with its type. */
    static String oneLine(Throwable e) {
        String text;
        if (e instanceof OpsException || e instanceof CommandLine.ParameterException) {
            text = e.getMessage();
        }
        else if (e instanceof ApiErrorException api) {
            text = "the API refused: " + api.getMessage();
        }
        else if (e instanceof InvoiceExtractionException) {
            text = "the API could not be reached: " + e.getMessage();
        }
        else if (e instanceof KafkaException) {
            text = "Kafka: " + e.getMessage();
        }
        else {
            text = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        return text == null ? e.getClass().getSimpleName() : text.replaceAll("\\s*\\R\\s*", " ");
    }
}
