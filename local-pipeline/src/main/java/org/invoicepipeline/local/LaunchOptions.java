package org.invoicepipeline.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The command line of the local run.
 *
 * @param input                 folder whose files are registered; {@code null} = the shipped sample invoices
 * @param output                where output files (and the run summary) are written
 * @param watch                 keep running and register files added to the input folder
 * @param apiBaseUrl            the real API (key from INVOICE_DATA_EXTRACTION_API_KEY); {@code null} = in-process sandbox
 * @param bootstrapServers      an external Kafka; {@code null} = an embedded KRaft broker
 * @param profile               the extraction profile files are registered with
 * @param batchKey              the batch key files are registered with (files of one batch are extracted together)
 * @param timeout               how long to wait for every file to end before giving up (exit code 1)
 * @param sandboxRateLimitScale rate-limit windows of the sandbox shortened by this factor (1 = documented limits)
 * @param sandboxPageTime       the sandbox's processing time per page
 * @param verbose               show the workers' own log lines
 */
public record LaunchOptions(Path input, Path output, boolean watch, String apiBaseUrl, String bootstrapServers,
                            String profile, String batchKey, Duration timeout, double sandboxRateLimitScale,
                            Duration sandboxPageTime, boolean verbose) {

    public static final String USAGE = """
            Usage: local-pipeline [--input DIR] [--output DIR] [--watch] [--api-base-url URL] [--bootstrap-servers HOST:PORT]
                                  [--profile NAME] [--batch-key KEY] [--timeout DURATION] [--sandbox-rate-limit-scale X]
                                  [--sandbox-page-time DURATION] [--verbose]
              --input DIR                  register every file of DIR (default: the shipped sample invoices)
              --output DIR                 write output files and summary.json under DIR (default: pipeline-output)
              --watch                      keep running and register files added to the input folder
              --api-base-url URL           use the real API at URL (key from INVOICE_DATA_EXTRACTION_API_KEY) instead of the sandbox
              --bootstrap-servers H:P      use an external Kafka instead of the embedded KRaft broker
              --profile NAME               extraction profile of the registered files (default: invoices)
              --batch-key KEY              batch key of the registered files (default: local)
              --timeout DURATION           give up after this long, e.g. 10m (default: 10m)
              --sandbox-rate-limit-scale X sandbox rate-limit windows X times shorter (default: 1 = documented limits)
              --sandbox-page-time DURATION sandbox processing time per page (default: 200ms)
              --verbose                    show the workers' log lines
            """;

    public LaunchOptions {
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(sandboxPageTime, "sandboxPageTime");
    }

    public static LaunchOptions defaults() {
        return new LaunchOptions(null, Path.of("pipeline-output"), false, null, null, "invoices", "local",
                Duration.ofMinutes(10), 1.0, Duration.ofMillis(200), false);
    }

    public boolean usesSandbox() {
        return apiBaseUrl == null;
    }

    public boolean usesEmbeddedBroker() {
        return bootstrapServers == null;
    }

    public LaunchOptions withInput(Path dir) {
        return new LaunchOptions(dir, output, watch, apiBaseUrl, bootstrapServers, profile, batchKey, timeout,
                sandboxRateLimitScale, sandboxPageTime, verbose);
    }

    public LaunchOptions withOutput(Path dir) {
        return new LaunchOptions(input, dir, watch, apiBaseUrl, bootstrapServers, profile, batchKey, timeout,
                sandboxRateLimitScale, sandboxPageTime, verbose);
    }

    public LaunchOptions withSandbox(double rateLimitScale, Duration pageTime) {
        return new LaunchOptions(input, output, watch, apiBaseUrl, bootstrapServers, profile, batchKey, timeout,
                rateLimitScale, pageTime, verbose);
    }

    public LaunchOptions withTimeout(Duration newTimeout) {
        return new LaunchOptions(input, output, watch, apiBaseUrl, bootstrapServers, profile, batchKey, newTimeout,
                sandboxRateLimitScale, sandboxPageTime, verbose);
    }

    /** Parses {@code --name value} and {@code --name=value} arguments. */
    public static LaunchOptions parse(String[] args) {
        LaunchOptions o = defaults();
        Path input = o.input;
        Path output = o.output;
        boolean watch = o.watch;
        String apiBaseUrl = o.apiBaseUrl;
        String bootstrap = o.bootstrapServers;
        String profile = o.profile;
        String batchKey = o.batchKey;
        Duration timeout = o.timeout;
        double scale = o.sandboxRateLimitScale;
        Duration pageTime = o.sandboxPageTime;
        boolean verbose = o.verbose;
        List<String> list = new ArrayList<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                list.add(arg.substring(0, eq));
                list.add(arg.substring(eq + 1));
            }
            else {
                list.add(arg);
            }
        }
        for (int i = 0; i < list.size(); i++) {
            String name = list.get(i);
            switch (name) {
                case "--input" -> input = Path.of(value(list, ++i, name));
                case "--output" -> output = Path.of(value(list, ++i, name));
                case "--watch" -> watch = true;
                case "--api-base-url" -> apiBaseUrl = value(list, ++i, name);
                case "--bootstrap-servers" -> bootstrap = value(list, ++i, name);
                case "--profile" -> profile = value(list, ++i, name);
                case "--batch-key" -> batchKey = value(list, ++i, name);
                case "--timeout" -> timeout = duration(value(list, ++i, name));
                case "--sandbox-rate-limit-scale" -> scale = Double.parseDouble(value(list, ++i, name));
                case "--sandbox-page-time" -> pageTime = duration(value(list, ++i, name));
                case "--verbose" -> verbose = true;
                default -> throw new IllegalArgumentException("Unknown argument: " + name);
            }
        }
        return new LaunchOptions(input, output, watch, apiBaseUrl, bootstrap, profile, batchKey, timeout, scale,
                pageTime, verbose);
    }

    /** {@code 90s}, {@code 10m}, {@code 250ms}, {@code 1h} or ISO-8601 ({@code PT10M}). */
    static Duration duration(String text) {
        String t = text.trim().toLowerCase();
        if (t.startsWith("pt")) {
            return Duration.parse(text.trim().toUpperCase());
        }
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        long amount = Long.parseLong(t.substring(0, t.length() - 1));
        return switch (t.charAt(t.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> throw new IllegalArgumentException("Not a duration: " + text);
        };
    }

    private static String value(List<String> args, int i, String name) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args.get(i);
    }
}
