package org.invoicepipeline.sandbox.document;

import java.util.Locale;

/** The kinds of file the API accepts, told apart by the file name's extension. */
public enum DocumentKind {
    PDF,
    IMAGE,
    /** An extension the API does not accept; such a file is reported as unreadable. */
    UNSUPPORTED;

    /** The kind for a file name: {@code .pdf} is PDF, {@code .png}/{@code .jpg}/{@code .jpeg} are images. */
    public static DocumentKind ofFileName(String fileName) {
        String lower = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".pdf")) {
            return PDF;
        }
        if (lower.endsWith(".png") || lower.endsWith(".jpg") || lower.endsWith(".jpeg")) {
            return IMAGE;
        }
        return UNSUPPORTED;
    }
}
