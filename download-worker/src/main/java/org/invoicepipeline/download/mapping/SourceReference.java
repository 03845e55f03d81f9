package org.invoicepipeline.download.mapping;

import java.util.Optional;

/**
 * A {@code Source File} cell or review-needed source reference, e.g. {@code "invoice-1.pdf (Page 2)"} or
 * {@code "statement.pdf (Pages 3-4)"}: the file name used in the upload session followed by the pages.
 *
 * @param fileName the session file name
 * @param pages    the page part as written ({@code "Page 2"}), or empty when the reference names no pages
 */
public record SourceReference(String fileName, Optional<String> pages) {

    private static final String PAGE_MARKER = " (Page";

    /** Parses a reference; a value without a page suffix is taken as a bare file name. */
    public static Optional<SourceReference> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String trimmed = value.strip();
        // lastIndexOf: a file name may itself contain " (Page", the page suffix is always last.
        int marker = trimmed.lastIndexOf(PAGE_MARKER);
        if (marker > 0 && trimmed.endsWith(")")) {
            String pages = trimmed.substring(marker + 2, trimmed.length() - 1);
            return Optional.of(new SourceReference(trimmed.substring(0, marker), Optional.of(pages)));
        }
        return Optional.of(new SourceReference(trimmed, Optional.empty()));
    }
}
