package org.invoicepipeline.sandbox.document;

/**
 * One page of a read document: its 1-based number, its text layer ({@code ""} for an image or a page
 * without text) and, when it could not be processed, why.
 */
public record ReadPage(int number, String text, PageFailure failure) {

    public ReadPage {
        if (number < 1) {
            throw new IllegalArgumentException("page numbers start at 1: " + number);
        }
        text = text == null ? "" : text;
    }

    public static ReadPage ok(int number, String text) {
        return new ReadPage(number, text, null);
    }

    public static ReadPage failed(int number, PageFailure failure) {
        return new ReadPage(number, "", failure);
    }

    /** Whether the page was processed (and is charged one credit). */
    public boolean successful() {
        return failure == null;
    }
}
