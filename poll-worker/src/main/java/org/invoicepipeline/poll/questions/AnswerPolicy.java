package org.invoicepipeline.poll.questions;

/** Whether the extractions of a profile have their questions answered with the recommendations. */
@FunctionalInterface
public interface AnswerPolicy {

    boolean acceptsRecommended(String profile);
}
