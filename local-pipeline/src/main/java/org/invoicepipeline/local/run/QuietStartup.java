package org.invoicepipeline.local.run;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Keeps what the libraries print while the run starts off the console: the embedded broker writes its
 * {@code Formatting metadata directory} and ~600-character {@code Bootstrap metadata: ...} lines straight to
 * standard output (not through a logger), and Spring and Tomcat add their own. Captured while {@code start} runs,
 * shown only when it fails (on standard error), or always with {@code --verbose}. The run's own messages go to a
 * stream taken before, so they are not captured.
 */
public final class QuietStartup {

    private QuietStartup() {
    }

    public static <T> T run(boolean verbose, Supplier<T> start) {
        if (verbose) {
            return start.get();
        }
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            return start.get();
        }
        catch (RuntimeException | Error e) {
            System.setErr(err);
            err.print(captured.toString(StandardCharsets.UTF_8));
            throw e;
        }
        finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
