package org.invoicepipeline.local.cli;

/**
 * A command-line argument the run cannot use: names the flag, what was given and the expected form, so the
 * message alone tells the user what to type instead (exit code 2, nothing started).
 */
public final class BadArgumentException extends IllegalArgumentException {

    private final String flag;

    public BadArgumentException(String flag, String message) {
        super(message);
        this.flag = flag;
    }

    /** {@code --timeout}: the flag at fault (or the unknown argument itself). */
    public String flag() {
        return flag;
    }
}
