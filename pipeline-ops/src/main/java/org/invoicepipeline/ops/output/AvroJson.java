package org.invoicepipeline.ops.output;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.invoicepipeline.events.JsonNumber;

/**
 * An event as the JSON an operator reads (the logical values of the README's examples): field names as in the
 * schema, timestamps as ISO-8601, enums by name, a {@code JsonNumber} cell as its exact number.
 */
public final class AvroJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private AvroJson() {
    }

    public static JsonNode of(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof JsonNumber number) {
            return NODES.numberNode(new java.math.BigDecimal(number.getValue()));
        }
        if (value instanceof SpecificRecord record) {
            ObjectNode node = NODES.objectNode();
            for (Schema.Field field : record.getSchema().getFields()) {
                node.set(field.name(), of(record.get(field.pos())));
            }
            return node;
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode node = NODES.objectNode();
            map.forEach((k, v) -> node.set(String.valueOf(k), of(v)));
            return node;
        }
        if (value instanceof Collection<?> items) {
            ArrayNode node = NODES.arrayNode();
            items.forEach(item -> node.add(of(item)));
            return node;
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Integer i) {
            return NODES.numberNode(i);
        }
        if (value instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (value instanceof Number n) {
            return NODES.numberNode(n.doubleValue());
        }
        if (value instanceof ByteBuffer bytes) {
            return NODES.textNode("(" + bytes.remaining() + " bytes)");
        }
        if (value instanceof Instant || value instanceof Enum<?> || value instanceof CharSequence) {
            return NODES.textNode(value.toString());
        }
        return NODES.textNode(String.valueOf(value));
    }
}
