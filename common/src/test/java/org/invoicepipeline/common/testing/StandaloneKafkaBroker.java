package org.invoicepipeline.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node KRaft Kafka (combined broker and controller) in its own JVM, started from the
 * {@code org.apache.kafka:kafka_2.13} jars on the test's class path ({@code kafka.Kafka}, storage formatted with
 * {@code kafka.tools.StorageTool}), on two free loopback ports, with its log directory under {@code workDir}. Unlike
 * the embedded broker it can be killed with SIGKILL and started again on the same ports and data: a broker crash
 * as an operator sees it. Output (WARN and above, by the test class path's logback configuration) goes to
 * {@code workDir/broker-<n>.log}, one file per start.
 */
public final class StandaloneKafkaBroker implements AutoCloseable {

    /** Longest wait for the broker to answer after a start. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path workDir;
    private final Path properties;
    private final String bootstrapServers;
    private final List<Process> started = new ArrayList<>();
    private Process process;

    private StandaloneKafkaBroker(Path workDir, Path properties, String bootstrapServers) {
        this.workDir = workDir;
        this.properties = properties;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Formats a new log directory under {@code workDir} and starts the broker; returns once it answers.
     *
     * @param extraProperties broker settings added to (and winning over) the single-node defaults
     */
    public static StandaloneKafkaBroker start(Path workDir, int partitions, Map<String, String> extraProperties) {
        requireKafkaOnClassPath();
        try {
            Files.createDirectories(workDir);
            int brokerPort = freePort();
            int controllerPort = freePort();
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("process.roles", "broker,controller");
            settings.put("node.id", "1");
            settings.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
            settings.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
            settings.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
            settings.put("controller.listener.names", "CONTROLLER");
            settings.put("inter.broker.listener.name", "PLAINTEXT");
            settings.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            settings.put("log.dirs", workDir.resolve("data").toAbsolutePath().toString());
            settings.put("num.partitions", String.valueOf(partitions));
            settings.put("auto.create.topics.enable", "true");
            // One node: every internal topic with one replica, and few partitions so they are created quickly.
            settings.put("offsets.topic.replication.factor", "1");
            settings.put("offsets.topic.num.partitions", "3");
            settings.put("transaction.state.log.replication.factor", "1");
            settings.put("transaction.state.log.min.isr", "1");
            settings.put("transaction.state.log.num.partitions", "3");
            settings.put("share.coordinator.state.topic.replication.factor", "1");
            settings.put("share.coordinator.state.topic.min.isr", "1");
            settings.put("group.initial.rebalance.delay.ms", "0");
            settings.putAll(extraProperties);
            Path properties = workDir.resolve("server.properties");
            Files.writeString(properties, settings.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n", "", "\n")));
            StandaloneKafkaBroker broker = new StandaloneKafkaBroker(workDir, properties,
                    "127.0.0.1:" + brokerPort);
            broker.format();
            broker.launch();
            return broker;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Starting a standalone Kafka broker in " + workDir + " failed", e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL: no flush, no controlled shutdown, no leadership handed over; waits until the process is gone. */
    public void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The Kafka broker (pid " + process.pid() + ") did not die");
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while killing the Kafka broker", e);
        }
    }

    /** Starts the broker again on the same ports and log directory (recovering it) and waits until it answers. */
    public void restart() {
        if (isAlive()) {
            throw new IllegalStateException("The Kafka broker is still running (pid " + process.pid() + ")");
        }
        launch();
    }

    /** The output of the current (or last) broker process. */
    public Path log() {
        return workDir.resolve("broker-" + started.size() + ".log");
    }

    private void format() throws IOException {
        Path log = workDir.resolve("format.log");
        Process format = new ProcessBuilder(javaCommand("kafka.tools.StorageTool", "format",
                "--cluster-id", Uuid.randomUuid().toString(), "--config", properties.toString(), "--ignore-formatted"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                format.destroyForcibly();
                throw new IllegalStateException("Formatting the Kafka log directory failed, see " + log.toAbsolutePath()
                        + ":\n" + Files.readString(log));
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while formatting Kafka storage", e);
        }
    }

    private void launch() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        try {
            Path log = workDir.resolve("broker-" + (started.size() + 1) + ".log");
            process = new ProcessBuilder(javaCommand("kafka.Kafka", properties.toString()))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            started.add(process);
            awaitAnswering(deadline);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Starting the Kafka broker failed", e);
        }
    }

    private void awaitAnswering(long deadline) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200))) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The Kafka broker exited with " + process.exitValue() + ", see "
                            + log().toAbsolutePath() + ":\n" + tail(log()));
                }
                try {
                    if (!admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                }
                catch (Exception notYet) {
                    // still starting
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The Kafka broker did not answer within " + START_TIMEOUT
                            + ", see " + log().toAbsolutePath());
                }
                Thread.sleep(200);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the Kafka broker", e);
        }
    }

    private static List<String> javaCommand(String mainClass, String... args) {
        return ChildJvm.command("512m", mainClass, List.of(args));
    }

    private static void requireKafkaOnClassPath() {
        try {
            Class.forName("kafka.Kafka", false, StandaloneKafkaBroker.class.getClassLoader());
        }
        catch (ClassNotFoundException e) {
            throw new IllegalStateException("org.apache.kafka:kafka_2.13 is not on the test class path; add it as a "
                    + "test-scope dependency to run a standalone broker", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        }
        catch (IOException | UncheckedIOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Kills every broker process this instance started. */
    @Override
    public void close() {
        started.forEach(Process::destroyForcibly);
        for (Process p : started) {
            try {
                p.waitFor(30, TimeUnit.SECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
