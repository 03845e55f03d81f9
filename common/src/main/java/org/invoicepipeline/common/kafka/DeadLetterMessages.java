package org.invoicepipeline.common.kafka;

import java.util.List;

/** The {@code x-error-message} of a dead letter that concerns files names them, so an SRE sees which. */
final class DeadLetterMessages {

    /** Names listed before the rest are only counted. */
    static final int MAX_NAMES = 10;

    private DeadLetterMessages() {
    }

    /** {@code failure} with the files it concerns appended to its message (unless it names them all already). */
    static StageFailure namingFiles(StageFailure failure, List<String> fileNames) {
        List<String> names = fileNames.stream().filter(name -> name != null && !name.isEmpty()).distinct().toList();
        if (names.isEmpty() || names.stream().allMatch(failure.message()::contains)) {
            return failure;
        }
        StringBuilder message = new StringBuilder(failure.message()).append(" (file");
        message.append(names.size() == 1 ? ": " : "s: ");
        message.append(String.join(", ", names.subList(0, Math.min(MAX_NAMES, names.size()))));
        if (names.size() > MAX_NAMES) {
            message.append(" and ").append(names.size() - MAX_NAMES).append(" more");
        }
        message.append(')');
        return new StageFailure(failure.code(), FailureClassifier.shorten(message.toString()), failure.retryable(),
                failure.retryAfter(), failure.operational());
    }
}
