package org.invoicepipeline.client.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;

/** Reads a prompt as the API stores it: a JSON string or a fields object. */
final class PromptDeserializer extends JsonDeserializer<Prompt> {

    @Override
    public Prompt deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonNode node = parser.readValueAsTree();
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return new TextPrompt(node.asText());
        }
        return context.readTreeAsValue(node, FieldsPrompt.class);
    }
}
