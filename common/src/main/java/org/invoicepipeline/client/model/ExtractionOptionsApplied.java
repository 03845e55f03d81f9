package org.invoicepipeline.client.model;

import java.util.List;

/** Every option of a recorded extraction, filled with the values that applied (account preferences included). */
public record ExtractionOptionsApplied(List<String> excludeColumns, String outputLanguage, String reviewNeededFillColor,
                                       String affectedFieldFillColor, boolean sendCompletionEmail,
                                       boolean jsonTypedValues, boolean askQuestions) {
}
