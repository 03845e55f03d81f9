package org.invoicepipeline.sandbox.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InvoiceDatesTest {

    @ParameterizedTest(name = "{0} -> {1} (ambiguous {2})")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            2026-01-15                  | 2026-01-15 | false
            15 Jan 2026                 | 2026-01-15 | false
            03-Aug-2014                 | 2014-08-03 | false
            15th January, 2026          | 2026-01-15 | false
            'January 15, 2026'          | 2026-01-15 | false
            'August 3, 2014'            | 2014-08-03 | false
            3. August 2014              | 2014-08-03 | false
            9. März 2026                | 2026-03-09 | false
            3 augustus 2026             | 2026-08-03 | false
            12 mei 2026                 | 2026-05-12 | false
            1. Oktober 2026             | 2026-10-01 | false
            17. Dez. 2026               | 2026-12-17 | false
            03.08.2014                  | 2014-08-03 | false
            03-08-2014                  | 2014-08-03 | false
            25/12/2026                  | 2026-12-25 | false
            12/25/2026                  | 2026-12-25 | false
            03/08/2014                  | 2014-08-03 | true
            05/05/2026                  | 2026-05-05 | false
            Fällig am 02.09.2026        | 2026-09-02 | false
            31.02.2026                  | null       | false
            On receipt                  | null       | false
            03.08.26                    | null       | false
            """)
    void readsTheDateSpellingsInvoicesUse(String text, LocalDate expected, boolean ambiguous) {
        InvoiceDates.ParsedDate parsed = InvoiceDates.parseDetailed(text);

        if (expected == null) {
            assertThat(parsed).isNull();
        } else {
            assertThat(parsed.date()).isEqualTo(expected);
            assertThat(parsed.ambiguous()).isEqualTo(ambiguous);
        }
    }
}
