package org.invoicepipeline.common.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.invoicepipeline.events.JsonNumber;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * An Avro event as plain JSON, the way the README's contract examples show it (not Avro's own JSON encoding, whose
 * union wrappers like {@code {"string": "..."}} no ERP importer expects): field names exactly as in the schema, a
 * nullable field as its value or {@code null}, enums by name, {@code timestamp-millis} as ISO-8601 UTC text, and a
 * row cell's {@link JsonNumber} as a JSON number with exactly the API's digits ({@code 1234.50} stays
 * {@code 1234.50}: read it as a decimal, not a double), bytes as Base64. What the local run writes to
 * {@code results.jsonl} and what {@code pipeline-ops} prints with {@code --json}.
 */
public final class EventJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private EventJson() {
    }

    public static JsonNode of(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof JsonNumber) {
            return CellValues.toJson(value);
        }
        if (value instanceof SpecificRecord record) {
            ObjectNode object = NODES.objectNode();
            for (Schema.Field field : record.getSchema().getFields()) {
                object.set(field.name(), of(record.get(field.pos())));
            }
            return object;
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            map.forEach((k, v) -> object.set(String.valueOf(k), of(v)));
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode();
            list.forEach(v -> array.add(of(v)));
            return array;
        }
        if (value instanceof CharSequence || value instanceof Enum<?>) {
            return NODES.textNode(value.toString());
        }
        if (value instanceof Instant instant) {
            return NODES.textNode(instant.toString());
        }
        if (value instanceof Boolean bool) {
            return NODES.booleanNode(bool);
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
            ByteBuffer copy = bytes.duplicate();
            byte[] raw = new byte[copy.remaining()];
            copy.get(raw);
            return NODES.textNode(Base64.getEncoder().encodeToString(raw));
        }
        return NODES.textNode(value.toString());
    }
}
