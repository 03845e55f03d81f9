package org.invoicepipeline.upload.plan;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Names files uniquely within one session, as the API requires ({@code DUPLICATE_FILE_NAME}): the first file
 * keeps its name, a later one with the same name (ignoring case) gets a short numeric prefix, e.g.
 * {@code 2_invoice.pdf}. The chosen name travels in the plan and in FileRef.file_name, so rows (whose
 * Source File column shows it) map back to the right file.
 */
final class SessionFileNames {

    private static final int MAX_LENGTH = 200;

    private final Set<String> taken = new HashSet<>();

    String assign(String fileName) {
        String candidate = fileName;
        for (int n = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); n++) {
            String prefix = n + "_";
            String base = fileName.length() + prefix.length() > MAX_LENGTH
                    ? fileName.substring(fileName.length() + prefix.length() - MAX_LENGTH)
                    : fileName;
            candidate = prefix + base;
        }
        return candidate;
    }
}
