package org.invoicepipeline.common.events;

import java.math.BigDecimal;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.invoicepipeline.events.JsonNumber;

/**
 * Converts between JSON cell values of the API's rows and the cell values of {@code ResultRow.values}:
 * {@code null}, {@link Boolean}, {@link JsonNumber} (exact decimal text) or {@link String}.
 */
public final class CellValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private CellValues() {
    }

    /**
     * The cell value for a JSON value. Numbers keep exactly the digits they were written with when the tree
     * was read by a mapper set up with {@link #exactNumbers}; a double-parsed number is written in its
     * shortest decimal form. Arrays and objects become their JSON text.
     */
    public static Object fromJson(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return number(node.isIntegralNumber() ? new BigDecimal(node.bigIntegerValue()) : node.decimalValue());
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        return node.toString();
    }

    /** The JSON value of a cell value, numbers as exact decimals. */
    public static JsonNode toJson(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof Boolean bool) {
            return NODES.booleanNode(bool);
        }
        if (value instanceof JsonNumber number) {
            return NODES.numberNode(new BigDecimal(number.getValue()));
        }
        if (value instanceof CharSequence text) {
            return NODES.textNode(text.toString());
        }
        throw new IllegalArgumentException("not a cell value: " + value.getClass().getName());
    }

    /**
     * Sets up a mapper to read JSON numbers as exact decimals, keeping trailing zeros ({@code 1234.50}
     * stays {@code 1234.50}), as {@link #fromJson} needs for money.
     */
    public static JsonMapper.Builder exactNumbers(JsonMapper.Builder builder) {
        return builder.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).nodeFactory(NODES);
    }

    public static JsonNumber number(BigDecimal value) {
        return new JsonNumber(value.toString());
    }

    public static JsonNumber number(long value) {
        return new JsonNumber(Long.toString(value));
    }

    /**
     * The cell as an exact decimal: a number, or a string that is a plain decimal (what the API returns for
     * amounts when {@code json_typed_values} is off). Empty for anything else.
     */
    public static Optional<BigDecimal> decimal(Object value) {
        if (value instanceof JsonNumber number) {
            return Optional.of(new BigDecimal(number.getValue()));
        }
        if (value instanceof CharSequence text) {
            try {
                return Optional.of(new BigDecimal(text.toString().trim()));
            } catch (NumberFormatException notADecimal) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
