package org.invoicepipeline.common.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.invoicepipeline.events.JsonNumber;
import org.junit.jupiter.api.Test;

class CellValuesTest {

    private final ObjectMapper exactMapper = CellValues.exactNumbers(JsonMapper.builder()).build();

    @Test
    void keepsTheJsonTypeOfEveryCell() throws Exception {
        JsonNode row = exactMapper.readTree("""
                {"Invoice Number": "00123", "Total Amount": 1234.50, "Quantity": 3, "Paid": true,
                 "Due Date": null, "Tags": ["a", 1]}""");

        assertThat(CellValues.fromJson(row.get("Invoice Number"))).isEqualTo("00123");
        assertThat(CellValues.fromJson(row.get("Total Amount"))).isEqualTo(new JsonNumber("1234.50"));
        assertThat(CellValues.fromJson(row.get("Quantity"))).isEqualTo(new JsonNumber("3"));
        assertThat(CellValues.fromJson(row.get("Paid"))).isEqualTo(Boolean.TRUE);
        assertThat(CellValues.fromJson(row.get("Due Date"))).isNull();
        assertThat(CellValues.fromJson(row.get("Tags"))).isEqualTo("[\"a\",1]");
    }

    @Test
    void numbersStayExactDecimals() throws Exception {
        JsonNode amounts = exactMapper.readTree("[0.1, 0.2, 12345678901234567890.12, 1E+3]");

        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode amount : amounts) {
            sum = sum.add(CellValues.decimal(CellValues.fromJson(amount)).orElseThrow());
        }

        assertThat(sum).isEqualByComparingTo("12345678901234568890.42");
    }

    @Test
    void writesCellsBackAsJson() throws Exception {
        assertThat(CellValues.toJson(new JsonNumber("1234.50")).toString()).isEqualTo("1234.50");
        assertThat(CellValues.toJson("text").isTextual()).isTrue();
        assertThat(CellValues.toJson(null).isNull()).isTrue();
        assertThat(CellValues.toJson(Boolean.FALSE).isBoolean()).isTrue();
        assertThat(exactMapper.writeValueAsString(CellValues.toJson(CellValues.number(new BigDecimal("-0.005")))))
                .isEqualTo("-0.005");
    }

    @Test
    void readsDecimalsFromUntypedStringCells() {
        assertThat(CellValues.decimal("  99.95 ")).contains(new BigDecimal("99.95"));
        assertThat(CellValues.decimal("1,234.50")).isEmpty();
        assertThat(CellValues.decimal(Boolean.TRUE)).isEmpty();
        assertThat(CellValues.decimal(null)).isEmpty();
    }
}
