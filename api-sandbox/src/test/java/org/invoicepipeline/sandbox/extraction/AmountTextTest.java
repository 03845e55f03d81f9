package org.invoicepipeline.sandbox.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AmountTextTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            £1,234.50                      | 1234.50
            EUR 1,234.50                   | 1234.50
            € 1.234,56                     | 1234.56
            11.485,38 €                    | 11485.38
            259,26                         | 259.26
            (20%) £30.00                   | 30.00
            VAT 8.25% $181.12              | 181.12
            MwSt. 19 % 1.833,80 €          | 1833.80
            20%                            | null
            8.25%                          | null
            03.08.2026                     | null
            Reg No: GB123456789            | null
            1,234                          | null
            -45.00                         | -45.00
            Subtotal 100.00 Total 120.00   | 120.00
            """)
    void readsTheLastAmountInEitherNotation(String text, BigDecimal expected) {
        BigDecimal amount = AmountText.lastAmount(text);

        if (expected == null) {
            assertThat(amount).isNull();
        } else {
            assertThat(amount).isEqualTo(expected);
        }
    }
}
