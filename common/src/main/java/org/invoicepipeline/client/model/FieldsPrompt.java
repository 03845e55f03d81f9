package org.invoicepipeline.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import java.util.List;

/** A prompt naming exact output fields (1 to 20), with optional instructions for the whole task. */
@JsonDeserialize(using = JsonDeserializer.None.class)
public record FieldsPrompt(List<PromptField> fields, String generalPrompt) implements Prompt {

    @JsonCreator
    public FieldsPrompt(@JsonProperty("fields") List<PromptField> fields,
                        @JsonProperty("general_prompt") String generalPrompt) {
        this.fields = List.copyOf(fields);
        this.generalPrompt = generalPrompt;
    }
}
