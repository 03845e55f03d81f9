package org.invoicepipeline.local.progress;

import java.io.PrintStream;
import java.time.Duration;

/**
 * The run's console. On a terminal the progress is one line rewritten in place ({@code \r} and erase-to-end);
 * otherwise (a pipe, a file, CI) a plain progress line every {@link #PLAIN_EVERY}, so logs stay readable. Other
 * messages are printed on lines of their own, never over the progress line.
 */
public final class Terminal {

    /** How often a progress line is printed when the output is not a terminal. */
    public static final Duration PLAIN_EVERY = Duration.ofSeconds(10);

    private static final String ERASE_TO_END = "\u001b[K";

    private final PrintStream out;
    private final boolean interactive;
    private long lastPlainNanos;
    private boolean statusShown;
    private String lastStatus = "";
    private String lastPrinted = "";

    public Terminal(PrintStream out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    /** The process's console: interactive when both standard input and output are a terminal. */
    public static Terminal system(PrintStream out) {
        return new Terminal(out, System.console() != null);
    }

    public boolean interactive() {
        return interactive;
    }

    /** Shows the progress line: in place on a terminal, else at most every {@link #PLAIN_EVERY}. */
    public synchronized void status(String line) {
        lastStatus = line;
        if (interactive) {
            out.print("\r" + line + ERASE_TO_END);
            out.flush();
            statusShown = true;
            return;
        }
        long now = System.nanoTime();
        if (lastPlainNanos == 0 || now - lastPlainNanos >= PLAIN_EVERY.toNanos()) {
            out.println(line);
            out.flush();
            lastPlainNanos = now;
            lastPrinted = line;
        }
    }

    /** Leaves the last progress line on screen (in full, also when not a terminal) and ends it. */
    public synchronized void finishStatus() {
        if (interactive) {
            if (statusShown) {
                out.println();
            }
        }
        else if (!lastStatus.isEmpty() && !lastStatus.equals(lastPrinted)) {
            out.println(lastStatus);
        }
        statusShown = false;
        lastStatus = "";
        lastPrinted = "";
        lastPlainNanos = 0;
        out.flush();
    }

    /** A message on its own line (the progress line, if shown, is redrawn below it by the next update). */
    public synchronized void println(String message) {
        if (interactive && statusShown) {
            out.print("\r" + ERASE_TO_END);
            statusShown = false;
        }
        out.println(message);
        out.flush();
    }

    public PrintStream out() {
        return out;
    }
}
