package org.invoicepipeline.sandbox.extraction;

/**
 * A value recognised for one field, the page it was read on and, when the evidence is weak (a fallback, two
 * candidates disagreeing, a label without a value), why it is in doubt; {@code doubt} is {@code null} when
 * the value was read from a clear label or layout.
 */
record Recognized<T>(T value, int page, String doubt) {

    static <T> Recognized<T> none() {
        return new Recognized<>(null, 1, null);
    }

    static <T> Recognized<T> certain(T value, int page) {
        return new Recognized<>(value, page, null);
    }

    static <T> Recognized<T> doubtful(T value, int page, String doubt) {
        return new Recognized<>(value, page, doubt);
    }

    boolean found() {
        return value != null;
    }

    /** The same value with a doubt added (kept when already in doubt). */
    Recognized<T> withDoubt(String reason) {
        return value == null || doubt != null ? this : new Recognized<>(value, page, reason);
    }
}
