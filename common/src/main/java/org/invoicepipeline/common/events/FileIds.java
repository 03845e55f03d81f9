package org.invoicepipeline.common.events;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The syntax of {@code FileRegistered.file_id}, the upstream producer's idempotency key:
 * 1 to 200 characters of {@code A-Z a-z 0-9 . _ : -}.
 */
public final class FileIds {

    public static final int MAX_LENGTH = 200;

    private static final Pattern SYNTAX = Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_LENGTH + "}");

    private FileIds() {
    }

    public static boolean isValid(String fileId) {
        return fileId != null && SYNTAX.matcher(fileId).matches();
    }

    /**
     * Why {@code fileId} is not valid, in words fit for an error event, or empty when it is valid.
     * The id itself is not echoed when it is too long to be useful in a message.
     */
    public static Optional<String> problem(String fileId) {
        if (fileId == null || fileId.isEmpty()) {
            return Optional.of("file_id is missing");
        }
        if (fileId.length() > MAX_LENGTH) {
            return Optional.of("file_id is " + fileId.length() + " characters long; at most " + MAX_LENGTH
                    + " are allowed");
        }
        if (!SYNTAX.matcher(fileId).matches()) {
            return Optional.of("file_id '" + fileId + "' has characters other than A-Z a-z 0-9 . _ : -");
        }
        return Optional.empty();
    }

    /** Returns {@code fileId} when valid, otherwise throws {@link IllegalArgumentException} saying why. */
    public static String requireValid(String fileId) {
        problem(fileId).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        return fileId;
    }
}
