package org.invoicepipeline.local;

import org.invoicepipeline.client.ClientOptions;
import org.invoicepipeline.local.cli.BadArgumentException;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The command line of the local run.
 *
 * @param input                 folder whose files are registered; {@code null} = the shipped sample invoices
 * @param output                where the run folders (results, summary, output files) are written
 * @param watch                 keep running and register files added to the input folder
 * @param apiBaseUrl            the real API (key from INVOICE_DATA_EXTRACTION_API_KEY); {@code null} = in-process sandbox
 * @param bootstrapServers      an external Kafka; {@code null} = an embedded KRaft broker
 * @param profile               the extraction profile files are registered with
 * @param batchKey              the batch key files are registered with (files of one batch are extracted together)
 * @param timeout               how long to wait for every file to end before giving up (exit code 1)
 * @param sandboxRateLimitScale rate-limit windows of the sandbox shortened by this factor (1 = documented limits)
 * @param sandboxPageTime       the sandbox's processing time per page
 * @param verbose               show the workers' own log lines (and the broker's start-up lines)
 * @param recursive             register the files of subfolders too
 * @param gracePeriod           after Ctrl-C, how long files in flight may still finish before results are written
 */
public record LaunchOptions(Path input, Path output, boolean watch, String apiBaseUrl, String bootstrapServers,
                            String profile, String batchKey, Duration timeout, double sandboxRateLimitScale,
                            Duration sandboxPageTime, boolean verbose, boolean recursive, Duration gracePeriod) {

    public static final String USAGE = """
            Usage: local-pipeline [--input DIR] [--recursive] [--output DIR] [--watch] [--timeout DURATION]
                                  [--grace-period DURATION] [--api-base-url URL] [--bootstrap-servers HOST:PORT]
                                  [--profile NAME] [--batch-key KEY] [--sandbox-rate-limit-scale X]
                                  [--sandbox-page-time DURATION] [--verbose]
              --input DIR                  register every file of DIR (default: the shipped sample invoices)
              --recursive                  also register the files of DIR's subfolders
              --output DIR                 write each run's results under DIR/runs/<run>, DIR/latest = the last run (default: pipeline-output)
              --watch                      keep running and register files added to the input folder
              --timeout DURATION           give up after this long, e.g. 90s, 10m, 1h (default: 10m)
              --grace-period DURATION      after Ctrl-C, let files in flight finish this long (default: 20s)
              --api-base-url URL           use the real API at URL (key from INVOICE_DATA_EXTRACTION_API_KEY) instead of the sandbox
              --bootstrap-servers H:P      use an external Kafka instead of the embedded KRaft broker
              --profile NAME               extraction profile of the registered files (default: invoices)
              --batch-key KEY              batch key of the registered files (default: local)
              --sandbox-rate-limit-scale X sandbox rate-limit windows X times shorter (default: 1 = documented limits)
              --sandbox-page-time DURATION sandbox processing time per page (default: 200ms)
              --verbose                    show the workers' and the broker's own log lines
            Exit codes: 0 every file extracted, 3 some files not extracted (failed, cancelled or rejected),
                        1 timeout, 2 bad arguments, 130 stopped with Ctrl-C.
            """;

    private static final String DURATION_FORM = "a duration such as 90s, 10m, 1h, 250ms or PT10M";
    private static final Pattern HOST_PORT = Pattern.compile("[A-Za-z0-9._\\-\\[\\]:]+:\\d{1,5}");

    public LaunchOptions {
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(sandboxPageTime, "sandboxPageTime");
        Objects.requireNonNull(gracePeriod, "gracePeriod");
    }

    public static LaunchOptions defaults() {
        return new LaunchOptions(null, Path.of("pipeline-output"), false, null, null, "invoices", "local",
                Duration.ofMinutes(10), 1.0, Duration.ofMillis(200), false, false, Duration.ofSeconds(20));
    }

    public boolean usesSandbox() {
        return apiBaseUrl == null;
    }

    public boolean usesEmbeddedBroker() {
        return bootstrapServers == null;
    }

    public LaunchOptions withInput(Path dir) {
        return new LaunchOptions(dir, output, watch, apiBaseUrl, bootstrapServers, profile, batchKey, timeout,
                sandboxRateLimitScale, sandboxPageTime, verbose, recursive, gracePeriod);
    }

    public LaunchOptions withOutput(Path dir) {
        return new LaunchOptions(input, dir, watch, apiBaseUrl, bootstrapServers, profile, batchKey, timeout,
                sandboxRateLimitScale, sandboxPageTime, verbose, recursive, gracePeriod);
    }

    public LaunchOptions withSandbox(double rateLimitScale, Duration pageTime) {
        return new LaunchOptions(input, output, watch, apiBaseUrl, bootstrapServers, profile, batchKey, timeout,
                rateLimitScale, pageTime, verbose, recursive, gracePeriod);
    }

    public LaunchOptions withTimeout(Duration newTimeout) {
        return new LaunchOptions(input, output, watch, apiBaseUrl, bootstrapServers, profile, batchKey, newTimeout,
                sandboxRateLimitScale, sandboxPageTime, verbose, recursive, gracePeriod);
    }

    public LaunchOptions withRecursive(boolean newRecursive) {
        return new LaunchOptions(input, output, watch, apiBaseUrl, bootstrapServers, profile, batchKey, timeout,
                sandboxRateLimitScale, sandboxPageTime, verbose, newRecursive, gracePeriod);
    }

    public LaunchOptions withGracePeriod(Duration newGracePeriod) {
        return new LaunchOptions(input, output, watch, apiBaseUrl, bootstrapServers, profile, batchKey, timeout,
                sandboxRateLimitScale, sandboxPageTime, verbose, recursive, newGracePeriod);
    }

    /**
     * Parses {@code --name value} and {@code --name=value} arguments; checks each value's form (not yet whether
     * folders exist: {@link #validate}).
     *
     * @throws BadArgumentException naming the flag and the expected form
     */
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
        boolean recursive = o.recursive;
        Duration grace = o.gracePeriod;
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
                case "--input" -> input = path(value(list, ++i, name, "DIR"), name);
                case "--output" -> output = path(value(list, ++i, name, "DIR"), name);
                case "--watch" -> watch = true;
                case "--recursive" -> recursive = true;
                case "--api-base-url" -> apiBaseUrl = url(value(list, ++i, name, "URL"), name);
                case "--bootstrap-servers" -> bootstrap = hostPorts(value(list, ++i, name, "HOST:PORT"), name);
                case "--profile" -> profile = text(value(list, ++i, name, "NAME"), name, "NAME");
                case "--batch-key" -> batchKey = text(value(list, ++i, name, "KEY"), name, "KEY");
                case "--timeout" -> timeout = positive(duration(value(list, ++i, name, "DURATION"), name), name);
                case "--grace-period" -> grace = duration(value(list, ++i, name, "DURATION"), name);
                case "--sandbox-rate-limit-scale" -> scale = scale(value(list, ++i, name, "X"), name);
                case "--sandbox-page-time" -> pageTime = duration(value(list, ++i, name, "DURATION"), name);
                case "--verbose" -> verbose = true;
                default -> throw new BadArgumentException(name, "Unknown argument: " + name
                        + (name.startsWith("--") ? "" : " (flags start with --, e.g. --input DIR)"));
            }
        }
        return new LaunchOptions(input, output, watch, apiBaseUrl, bootstrap, profile, batchKey, timeout, scale,
                pageTime, verbose, recursive, grace);
    }

    /**
     * What can be checked before anything starts: the input folder exists and is a folder, the output folder is
     * (or can become) a folder, and the real API has its key.
     *
     * @param environment the process environment (the API key's variable)
     * @throws BadArgumentException naming the flag and the expected form
     */
    public LaunchOptions validate(Function<String, String> environment) {
        if (input != null) {
            if (!Files.exists(input)) {
                throw new BadArgumentException("--input", "--input " + input + ": no such folder"
                        + " (expected --input DIR, an existing folder of invoice files)");
            }
            if (!Files.isDirectory(input)) {
                throw new BadArgumentException("--input", "--input " + input + ": is a file, not a folder"
                        + " (expected --input DIR, the folder holding it: --input " + parentOf(input) + ")");
            }
            if (!Files.isReadable(input)) {
                throw new BadArgumentException("--input", "--input " + input + ": the folder cannot be read"
                        + " (expected --input DIR, a folder this user may read)");
            }
        }
        Path existing = output.toAbsolutePath().normalize();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            throw new BadArgumentException("--output", "--output " + output + ": " + existing
                    + " is a file, not a folder (expected --output DIR, a folder that exists or can be created)");
        }
        if (!Files.isWritable(existing)) {
            throw new BadArgumentException("--output", "--output " + output + ": " + existing
                    + " cannot be written (expected --output DIR, a folder this user may write)");
        }
        if (!usesSandbox() && isBlank(environment.apply(ClientOptions.API_KEY_ENV))) {
            throw new BadArgumentException("--api-base-url", "--api-base-url needs the API key in the environment"
                    + " variable " + ClientOptions.API_KEY_ENV + " (never on the command line)");
        }
        return this;
    }

    /** {@code 90s}, {@code 10m}, {@code 250ms}, {@code 1h} or ISO-8601 ({@code PT10M}). */
    static Duration duration(String text) {
        return duration(text, "DURATION");
    }

    private static Duration duration(String text, String flag) {
        String t = text.trim().toLowerCase();
        try {
            if (t.startsWith("pt")) {
                return nonNegative(Duration.parse(text.trim().toUpperCase()), flag, text);
            }
            if (t.endsWith("ms")) {
                return nonNegative(Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2))), flag, text);
            }
            if (t.length() >= 2) {
                long amount = Long.parseLong(t.substring(0, t.length() - 1));
                Duration d = switch (t.charAt(t.length() - 1)) {
                    case 's' -> Duration.ofSeconds(amount);
                    case 'm' -> Duration.ofMinutes(amount);
                    case 'h' -> Duration.ofHours(amount);
                    default -> null;
                };
                if (d != null) {
                    return nonNegative(d, flag, text);
                }
            }
        }
        catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            // reported below
        }
        throw new BadArgumentException(flag, flag + " " + text + ": not a duration (expected " + DURATION_FORM + ")");
    }

    /** A duration as the command line takes it: {@code 20m}, {@code 90s}, {@code 2h}, {@code 250ms}. */
    public static String format(Duration d) {
        long millis = d.toMillis();
        if (millis % 3_600_000 == 0 && millis > 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0 && millis > 0) {
            return millis / 60_000 + "m";
        }
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    private static Duration nonNegative(Duration d, String flag, String text) {
        if (d.isNegative()) {
            throw new BadArgumentException(flag, flag + " " + text + ": negative (expected " + DURATION_FORM + ")");
        }
        return d;
    }

    private static Duration positive(Duration d, String flag) {
        if (d.isZero()) {
            throw new BadArgumentException(flag, flag + " 0: must be longer than zero (expected " + DURATION_FORM + ")");
        }
        return d;
    }

    private static double scale(String text, String flag) {
        try {
            double scale = Double.parseDouble(text.trim());
            if (scale > 0 && Double.isFinite(scale)) {
                return scale;
            }
        }
        catch (NumberFormatException e) {
            // reported below
        }
        throw new BadArgumentException(flag, flag + " " + text + ": not a positive number (expected e.g. 1, 20 or 0.5)");
    }

    private static String url(String text, String flag) {
        try {
            URI uri = new URI(text.trim());
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return text.trim();
            }
        }
        catch (java.net.URISyntaxException e) {
            // reported below
        }
        throw new BadArgumentException(flag, flag + " " + text + ": not an http(s) URL"
                + " (expected e.g. https://api.invoicedataextraction.com/v1)");
    }

    private static String hostPorts(String text, String flag) {
        for (String server : text.split(",")) {
            if (!HOST_PORT.matcher(server.trim()).matches()) {
                throw new BadArgumentException(flag, flag + " " + text + ": not HOST:PORT"
                        + " (expected e.g. localhost:9092 or broker1:9092,broker2:9092)");
            }
        }
        return text.trim();
    }

    private static Path path(String text, String flag) {
        if (text.isBlank()) {
            throw new BadArgumentException(flag, flag + " needs a folder (expected " + flag + " DIR)");
        }
        try {
            return Path.of(text);
        }
        catch (java.nio.file.InvalidPathException e) {
            throw new BadArgumentException(flag, flag + " " + text + ": not a valid path (expected " + flag + " DIR)");
        }
    }

    private static String text(String text, String flag, String form) {
        if (text.isBlank()) {
            throw new BadArgumentException(flag, flag + " is empty (expected " + flag + " " + form + ")");
        }
        return text;
    }

    private static String value(List<String> args, int i, String name, String form) {
        if (i >= args.size() || args.get(i).startsWith("--")) {
            throw new BadArgumentException(name, name + " needs a value (expected " + name + " " + form + ")");
        }
        return args.get(i);
    }

    private static Path parentOf(Path file) {
        Path parent = file.toAbsolutePath().normalize().getParent();
        return parent == null ? file : parent;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
