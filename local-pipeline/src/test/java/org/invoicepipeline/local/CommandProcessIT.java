package org.invoicepipeline.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVRecord;
import org.invoicepipeline.common.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The command as its own process, its output not a terminal: bad arguments end it with exit code 2 before anything
 * starts; Ctrl-C (SIGINT) stops it within the grace period announced on screen, with results written for the files
 * that finished and exit code 130; the start-up is quiet and progress comes as plain lines.
 */
class CommandProcessIT {

    @TempDir
    Path input;

    @TempDir
    Path output;

    @Test
    void badArgumentsEndWithCodeTwoNamingTheFlagBeforeAnythingStarts() throws Exception {
        for (List<String> args : List.of(List.of("--input", input.resolve("does-not-exist").toString()),
                List.of("--timeout", "banana"))) {
            Child child = Child.start(args);

            assertThat(child.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            child.drained();
            assertThat(child.process.exitValue()).as("%s", args).isEqualTo(2);
            assertThat(child.text()).as("%s", args).startsWith("local-pipeline: " + args.get(0) + " " + args.get(1) + ": ")
                    .contains("(expected ").doesNotContain("Starting Kafka").doesNotContain("Exception");
        }
        assertThat(output).isEmptyDirectory();
    }

    @Test
    void ctrlCWritesResultsForTheFilesThatFinishedAndExitsWith130() throws Exception {
        assumeSigintReachesChildren();
        PipelineFixture.writeInvoices(input, 1, 2);
        Files.write(input.resolve("empty.pdf"), new byte[0]);
        Files.writeString(input.resolve("notes.txt"), "not an invoice");
        Child child = Child.start(List.of("--input", input.toString(), "--output", output.toString(),
                "--sandbox-page-time", "120s", "--sandbox-rate-limit-scale", "20", "--grace-period", "2s"));

        // The two bad files end at once; the plain progress line every 10 s says so.
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                .until(() -> child.lines().stream().anyMatch(l -> l.contains("4 files:") && l.contains("done 2 ")));
        long pid = child.process.pid();
        new ProcessBuilder("kill", "-INT", Long.toString(pid)).start().waitFor();

        assertThat(child.process.waitFor(60, TimeUnit.SECONDS)).as("exits after the grace period").isTrue();
        child.drained();
        String screen = child.text();
        System.out.println(screen);
        assertThat(child.process.exitValue()).isEqualTo(130);
        assertThat(screen).contains("Ctrl-C: stopping. No new files are registered; files in flight get up to 2s to finish")
                .contains("Exit code 130: stopped with Ctrl-C")
                .doesNotContain("Bootstrap metadata").doesNotContain("Formatting metadata")
                .doesNotContain("\r").doesNotContain("\u001b");
        assertThat(child.lines()).anyMatch(l -> l.matches("\\d+:\\d\\d  4 files: upload \\d+, submit \\d+, extract \\d+, download \\d+, done \\d+ \\(\\d+ extracted\\).*ETA .*"));
        Path run = output.resolve("latest").toRealPath();
        Map<String, CSVRecord> csv = RunResultsIT.csvByFile(run.resolve("results.csv"));
        assertThat(csv.get("empty.pdf").toMap()).containsEntry("status", "DEAD_LETTERED").containsEntry("code", "EMPTY_FILE");
        assertThat(csv.get("notes.txt").get("code")).isEqualTo("UNSUPPORTED_FILE_TYPE");
        assertThat(csv.get("invoice-1.pdf").toMap()).containsEntry("status", "PENDING").containsEntry("code", "STOPPED");
        assertThat(csv.get("invoice-2.pdf").get("code")).isEqualTo("STOPPED");
        assertThat(Files.readAllLines(run.resolve("results.jsonl"))).hasSize(2);
        JsonNode summary = new ObjectMapper().readTree(run.resolve("summary.json").toFile());
        assertThat(summary.path("outcome").asText()).isEqualTo("interrupted");
        assertThat(summary.path("exit_code").asInt()).isEqualTo(130);
    }

    @Test
    void aSecondCtrlCQuitsAtOnce() throws Exception {
        assumeSigintReachesChildren();
        PipelineFixture.writeInvoices(input, 1, 1);
        Child child = Child.start(List.of("--input", input.toString(), "--output", output.toString()));
        await().atMost(Duration.ofMinutes(1)).until(() -> child.lines().stream().anyMatch(l -> l.startsWith("Starting Kafka")));
        String pid = Long.toString(child.process.pid());

        new ProcessBuilder("kill", "-INT", pid).start().waitFor();
        await().atMost(Duration.ofSeconds(30)).until(() -> child.lines().stream().anyMatch(l -> l.startsWith("Ctrl-C: stopping")));
        long secondAt = System.nanoTime();
        new ProcessBuilder("kill", "-INT", pid).start().waitFor();

        assertThat(child.process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        child.drained();
        assertThat(Duration.ofNanos(System.nanoTime() - secondAt)).isLessThan(Duration.ofSeconds(10));
        assertThat(child.process.exitValue()).isEqualTo(130);
        assertThat(child.text()).contains("Ctrl-C again: quitting at once, without writing results.").doesNotContain("==== local pipeline summary");
    }

    /**
     * A process started with SIGINT ignored (a background job of a non-interactive shell, {@code nohup}) passes that
     * on to its children, whose JVM then cannot handle Ctrl-C at all: nothing to test there.
     */
    private static void assumeSigintReachesChildren() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                long ignored = Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16);
                assumeTrue((ignored & (1L << 1)) == 0,
                        "SIGINT is ignored by this test JVM (started in the background?), so the command's child JVM would ignore it too");
            }
        }
    }

    /** The command in a child JVM on the test class path, its output read line by line. */
    private record Child(Process process, List<String> output, Thread reader) {

        static Child start(List<String> args) throws IOException {
            ProcessBuilder builder = new ProcessBuilder(ChildJvm.command("512m", LocalPipelineMain.class.getName(), args))
                    .redirectErrorStream(true);
            Process process = builder.start();
            List<String> lines = Collections.synchronizedList(new ArrayList<>());
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        lines.add(line);
                    }
                }
                catch (IOException ended) {
                    // the process ended
                }
            }, "child-output");
            reader.start();
            return new Child(process, lines, reader);
        }

        List<String> lines() {
            synchronized (output) {
                return List.copyOf(output);
            }
        }

        void drained() throws InterruptedException {
            reader.join(10_000);
        }

        String text() {
            return String.join("\n", lines());
        }
    }
}
