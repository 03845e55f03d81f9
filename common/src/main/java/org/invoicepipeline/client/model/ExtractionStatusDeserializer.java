package org.invoicepipeline.client.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;

/** Picks the status variant by the {@code status} discriminator; unknown values become {@link ExtractionStatus.Unknown}. */
final class ExtractionStatusDeserializer extends JsonDeserializer<ExtractionStatus> {

    @Override
    public ExtractionStatus deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonNode node = parser.readValueAsTree();
        String status = node.path("status").asText("");
        Class<? extends ExtractionStatus> variant = switch (status) {
            case "processing" -> ExtractionStatus.Processing.class;
            case "input_required" -> ExtractionStatus.InputRequired.class;
            case "completed" -> ExtractionStatus.Completed.class;
            case "failed" -> ExtractionStatus.Failed.class;
            case "cancelled" -> ExtractionStatus.Cancelled.class;
            default -> null;
        };
        if (variant == null) {
            return new ExtractionStatus.Unknown(node.path("extraction_id").asText(null), status, node);
        }
        return context.readTreeAsValue(node, variant);
    }
}
