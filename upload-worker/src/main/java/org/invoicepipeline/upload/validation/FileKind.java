package org.invoicepipeline.upload.validation;

import java.util.Locale;
import java.util.Optional;

/** The file types the API accepts, told apart by the name's extension as the API does. */
public enum FileKind {
    PDF, IMAGE;

    /** The kind of {@code fileName}, or empty when its extension is not .pdf, .jpg, .jpeg or .png. */
    public static Optional<FileKind> of(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".pdf")) {
            return Optional.of(PDF);
        }
        if (lower.endsWith(".jpg") || lower.endsWith(".jpeg") || lower.endsWith(".png")) {
            return Optional.of(IMAGE);
        }
        return Optional.empty();
    }
}
