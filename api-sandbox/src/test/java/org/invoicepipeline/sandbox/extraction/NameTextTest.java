package org.invoicepipeline.sandbox.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameTextTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Kestrel Software GmbH              | true
            Harbour & Finch Logistics          | true
            Margie's Travel Agency             | true
            Northwind Traders plc              | true
            PAYMENT RECEIPT                    | false
            Factuuradres Afleveradres          | false
            TAX INVOICE                        | false
            Billing address                    | false
            Address:                           | false
            Ship To:                           | false
            Bill To                            | false
            Invoice Date                       | false
            12 Harbour Road                    | false
            Friedrichstrasse 120               | false
            'Leeds LS11 5QR, United Kingdom'   | false
            'Austin, TX 78701, USA'            | false
            accounts@kestrel.example           | false
            Tel +44 117 496 0000               | false
            15 Jan 2026                        | false
            £1,234.50                          | false
            INV-2026-01011                     | false
            """)
    void tellsNamesFromHeadingsLabelsAndAddresses(String text, boolean name) {
        assertThat(NameText.isName(text)).isEqualTo(name);
    }
}
