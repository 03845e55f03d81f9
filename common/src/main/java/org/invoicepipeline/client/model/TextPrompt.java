package org.invoicepipeline.client.model;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import java.util.Objects;

/** A prompt in a sentence of up to 5,000 characters. */
@JsonDeserialize(using = JsonDeserializer.None.class)
public record TextPrompt(@JsonValue String text) implements Prompt {
    public TextPrompt {
        Objects.requireNonNull(text, "text");
    }
}
