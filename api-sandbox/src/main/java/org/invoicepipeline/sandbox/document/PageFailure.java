package org.invoicepipeline.sandbox.document;

import java.util.Objects;

/**
 * Why a page could not be processed. {@code code} is one of the constants below; it goes into the
 * {@code pages.failure_reasons[].code} of a completed extraction.
 */
public record PageFailure(String code, String message) {

    /** The file could not be parsed (corrupt, truncated or not really a PDF/image). */
    public static final String FILE_UNREADABLE = "FILE_UNREADABLE";
    /** The PDF is password protected; the engine fails the whole extraction with {@code ENCRYPTED_FILE}. */
    public static final String ENCRYPTED_FILE = "ENCRYPTED_FILE";
    /** The page exists but its content could not be read (text extraction failed on it). */
    public static final String PAGE_UNREADABLE = "PAGE_UNREADABLE";

    public PageFailure {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
