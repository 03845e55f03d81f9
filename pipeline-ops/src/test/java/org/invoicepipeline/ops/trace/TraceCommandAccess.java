package org.invoicepipeline.ops.trace;

/** Test access to the trace's text form. */
public final class TraceCommandAccess {

    private TraceCommandAccess() {
    }

    public static String human(FileTrace trace) {
        return TraceCommand.human(trace);
    }
}
