package org.invoicepipeline.client.model;

/** A choice of a {@code single_choice} question; {@code recommended} is true on the one the extraction recommends. */
public record QuestionChoice(String choiceId, String label, String cellWouldContain, Boolean recommended) {

    public boolean isRecommended() {
        return Boolean.TRUE.equals(recommended);
    }
}
