package org.invoicepipeline.download.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.invoicepipeline.common.events.CellValues;
import org.invoicepipeline.events.JsonNumber;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Converts a row's cells, as read from the results endpoint, to the values of a {@code ResultRow}: null,
 * boolean, {@link JsonNumber} (the number's exact decimal text, never a double) or string. Arrays and objects
 * are carried as their JSON text.
 */
public final class RowCells {

    private final ObjectMapper json;

    public RowCells(ObjectMapper json) {
        this.json = json;
    }

    public Map<String, Object> toEventValues(Map<String, Object> row) {
        Map<String, Object> values = new LinkedHashMap<>();
        row.forEach((column, cell) -> values.put(column, toEventValue(cell)));
        return values;
    }

    Object toEventValue(Object cell) {
        if (cell == null || cell instanceof Boolean || cell instanceof String) {
            return cell;
        }
        if (cell instanceof BigDecimal decimal) {
            return CellValues.number(decimal);
        }
        if (cell instanceof BigInteger || cell instanceof Long || cell instanceof Integer
                || cell instanceof Short || cell instanceof Byte) {
            return new JsonNumber(cell.toString());
        }
        if (cell instanceof Double || cell instanceof Float) {
            // Shortest decimal text that reads back to the same double: "1250.5", not "1250.49999...".
            return new JsonNumber(BigDecimal.valueOf(((Number) cell).doubleValue()).toString());
        }
        if (cell instanceof Number number) {
            return new JsonNumber(number.toString());
        }
        try {
            return json.writeValueAsString(cell);
        }
        catch (JsonProcessingException e) {
            return String.valueOf(cell);
        }
    }
}
