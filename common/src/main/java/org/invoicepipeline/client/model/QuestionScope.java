package org.invoicepipeline.client.model;

/** What an answer governs ({@code extraction} today), and the same in words. */
public record QuestionScope(String level, String appliesTo) {
}
