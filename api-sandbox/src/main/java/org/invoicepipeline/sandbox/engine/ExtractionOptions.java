package org.invoicepipeline.sandbox.engine;

import java.util.List;

/**
 * Every option of a submission with the values that applied: what was sent, the account's
 * preferences (the sandbox's defaults) for the rest.
 */
public record ExtractionOptions(
        List<String> excludeColumns,
        String outputLanguage,
        String reviewNeededFillColor,
        String affectedFieldFillColor,
        boolean sendCompletionEmail,
        boolean jsonTypedValues,
        boolean askQuestions) {

    public static final ExtractionOptions DEFAULTS =
            new ExtractionOptions(List.of(), "automatic", "orange", "orange", false, false, false);

    public ExtractionOptions {
        excludeColumns = List.copyOf(excludeColumns);
    }
}
