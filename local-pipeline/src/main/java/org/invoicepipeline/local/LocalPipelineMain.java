package org.invoicepipeline.local;

import org.invoicepipeline.common.config.AvroTrustedPackages;
import org.invoicepipeline.local.cli.BadArgumentException;
import org.invoicepipeline.local.cli.ExitStatus;
import org.invoicepipeline.local.cli.StopRequest;
import org.invoicepipeline.local.progress.Terminal;
import org.invoicepipeline.local.register.FolderRegistrar;
import org.invoicepipeline.local.run.Stage;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One command for the whole pipeline: starts Kafka, the API sandbox (or uses the real API), the four workers and
 * the pipeline monitor, registers every file of the input folder, shows progress, writes per-file results into the
 * run's own folder ({@code <output>/runs/<run>}, {@code <output>/latest} pointing at it), prints a summary and
 * exits with a code a script can act on ({@link ExitStatus}: 0 every file extracted, 3 some not, 1 timeout, 2 bad
 * arguments, 130 Ctrl-C). With {@code --watch} it keeps running and registers files as they appear.
 */
public final class LocalPipelineMain {

    private LocalPipelineMain() {
    }

    public static void main(String[] args) throws Exception {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.print(LaunchOptions.USAGE);
            System.exit(0);
            return;
        }
        LaunchOptions options;
        try {
            options = checked(args);
        }
        catch (BadArgumentException e) {
            System.err.println("local-pipeline: " + e.getMessage());
            System.err.println("Run with --help for every flag.");
            System.exit(ExitStatus.BAD_ARGUMENTS.code());
            return;
        }
        AvroTrustedPackages.trust();
        PrintStream out = System.out;
        Terminal terminal = Terminal.system(out);
        AtomicReference<LocalRun> run = new AtomicReference<>();
        StopRequest stop = new StopRequest(
                () -> terminal.println("Ctrl-C: stopping. No new files are registered; files in flight get up to "
                        + LaunchOptions.format(options.gracePeriod()) + " to finish, then the results are written."
                        + " Press Ctrl-C again to quit at once."),
                () -> {
                    terminal.println(run.get() != null && run.get().resultsWritten()
                            ? "Ctrl-C again: quitting at once (the results are written)."
                            : "Ctrl-C again: quitting at once, without writing results.");
                    Runtime.getRuntime().halt(ExitStatus.INTERRUPTED.code());
                });
        run.set(new LocalRun(options, terminal, stop, Map.of()));
        stop.install();
        System.exit(run.get().run());
    }

    /**
     * The command line, parsed and checked before anything starts (folders exist, values have their form, the
     * input has files unless watching).
     *
     * @throws BadArgumentException naming the flag and the expected form
     */
    static LaunchOptions checked(String[] args) {
        LaunchOptions options = LaunchOptions.parse(args).validate(System::getenv);
        if (options.input() != null && !options.watch()
                && !FolderRegistrar.hasCandidates(options.input(), options.recursive())) {
            throw new BadArgumentException("--input", "--input " + options.input() + ": no files to register"
                    + (options.recursive() ? "" : " (subfolders are searched only with --recursive)")
                    + " (expected --input DIR, a folder holding invoice files: .pdf, .jpg, .jpeg, .png)");
        }
        return options;
    }

    /** Runs the pipeline as the command does, printing to standard output; returns the process exit code. */
    static int run(LaunchOptions options) throws Exception {
        return run(options, new Terminal(System.out, false), StopRequest.never(), Map.of());
    }

    /** Runs with a given console, stop request and extra worker settings (tests); returns the exit code. */
    static int run(LaunchOptions options, Terminal terminal, StopRequest stop,
                   Map<Stage, Map<String, String>> extraSettings) throws Exception {
        return new LocalRun(options, terminal, stop, extraSettings).run();
    }
}
