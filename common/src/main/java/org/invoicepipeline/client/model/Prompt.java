package org.invoicepipeline.client.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import java.util.List;

/**
 * What to extract: a sentence ({@link TextPrompt}) or an object naming the exact output fields
 * ({@link FieldsPrompt}). Serialised as a JSON string or object respectively.
 */
@JsonDeserialize(using = PromptDeserializer.class)
public sealed interface Prompt permits TextPrompt, FieldsPrompt {

    static TextPrompt text(String sentence) {
        return new TextPrompt(sentence);
    }

    static FieldsPrompt fields(List<PromptField> fields, String generalPrompt) {
        return new FieldsPrompt(fields, generalPrompt);
    }
}
