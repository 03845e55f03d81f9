package org.invoicepipeline.sandbox;

import java.io.PrintStream;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the sandbox standalone until interrupted:
 * {@code java -jar api-sandbox-<version>-exec.jar --port=8089 --api-key=KEY [--api-key=KEY2 ...]}.
 * Prints the base URL once it is serving.
 */
public final class SandboxMain {

    private static final String USAGE = """
            Usage: java -jar api-sandbox-exec.jar --api-key=KEY [options]
              --api-key=KEY                 accepted API key, repeatable; each key is its own account
                                            (or SANDBOX_API_KEYS=KEY1,KEY2 in the environment)
              --port=8089                   port to listen on (0 = any free port; default 8089)
              --bind=127.0.0.1              interface to listen on (default 127.0.0.1)
              --credits=10000               starting credits per account
              --rate-limit-scale=1.0        1 = documented limits, 60 = 60x shorter windows, 0 = off
              --page-processing-time=PT2S   simulated processing time per page (ISO-8601 duration)
              --part-size=8388608           part_size answered for uploads
              --part-url-ttl=PT15M          lifetime of signed part-upload URLs
              --download-url-ttl=PT5M       lifetime of signed output URLs
              --output-retention=P90D       how long rows and output files are kept
              --concurrent-task-limit=15    extractions running at once per account
              --pages-in-parallel=4         pages of one extraction processed at once
              --answer-window=PT40H         from upload to a question's answer_by
              --http-threads=16             request-serving threads
              --help                        this text
            """;

    private SandboxMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "org/invoicepipeline/sandbox/standalone-logback.xml");
        }
        ApiSandbox.Builder builder;
        try {
            builder = parse(args);
            if (builder == null) {
                System.out.print(USAGE);
                return;
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        ApiSandbox sandbox = builder.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "sandbox-shutdown"));
        PrintStream out = System.out;
        out.println("Invoice Data Extraction API sandbox serving " + sandbox.baseUrl()
                + " (control: " + sandbox.origin() + "/_sandbox/, keys: " + sandbox.settings().apiKeys().size() + ")");
        out.flush();
        stopped.await();
    }

    /** The builder for the flags, or {@code null} when help was asked for. */
    static ApiSandbox.Builder parse(String[] args) {
        ApiSandbox.Builder builder = ApiSandbox.builder().port(8089);
        boolean anyKey = false;
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                return null;
            }
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("Unrecognised argument: " + arg);
            }
            String name = arg.substring(2, eq);
            String value = arg.substring(eq + 1);
            switch (name) {
                case "api-key" -> {
                    builder.apiKey(value);
                    anyKey = true;
                }
                case "port" -> builder.port(integer(name, value));
                case "bind" -> builder.bindAddress(value);
                case "credits" -> builder.credits(Long.parseLong(value));
                case "rate-limit-scale" -> builder.rateLimitScale(Double.parseDouble(value));
                case "page-processing-time" -> builder.pageProcessingTime(duration(name, value));
                case "part-size" -> builder.partSizeBytes(Long.parseLong(value));
                case "part-url-ttl" -> builder.partUrlTtl(duration(name, value));
                case "download-url-ttl" -> builder.downloadUrlTtl(duration(name, value));
                case "output-retention" -> builder.outputRetention(duration(name, value));
                case "concurrent-task-limit" -> builder.concurrentTaskLimit(integer(name, value));
                case "pages-in-parallel" -> builder.pagesInParallel(integer(name, value));
                case "answer-window" -> builder.answerWindow(duration(name, value));
                case "http-threads" -> builder.httpThreads(integer(name, value));
                default -> throw new IllegalArgumentException("Unrecognised option: --" + name);
            }
        }
        String fromEnvironment = System.getenv("SANDBOX_API_KEYS");
        if (!anyKey && fromEnvironment != null && !fromEnvironment.isBlank()) {
            builder.apiKeys(Arrays.stream(fromEnvironment.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
            anyKey = true;
        }
        if (!anyKey) {
            throw new IllegalArgumentException("At least one --api-key=KEY is required");
        }
        return builder;
    }

    private static int integer(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be an integer: " + value);
        }
    }

    private static Duration duration(String name, String value) {
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--" + name + " must be an ISO-8601 duration such as PT2S or P90D: " + value);
        }
    }
}
