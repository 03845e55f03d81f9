package org.invoicepipeline.sandbox.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The field families on small layouts: where labels and values sit, which evidence names the parties, which of
 * several amounts is the total, and when a value is in doubt. In the texts, {@code |} separates column cells
 * (the reader writes a tab where the layout leaves a wide gap) and {@code /} separates lines.
 */
class FieldFamiliesTest {

    private final InvoiceFieldRecognizer recognizer = new InvoiceFieldRecognizer();

    @ParameterizedTest(name = "[{index}] {1} of \"{0}\"")
    @CsvSource(delimiter = ';', nullValues = "null", textBlock = """
            # labels and values: same line, next column, line below, under column headers
            Invoice No.: K-77                                                ; INVOICE_NUMBER ; K-77             ; false
            Invoice number | INV-9                                           ; INVOICE_NUMBER ; INV-9            ; false
            Invoice number / INV-9 / Invoice date / August 3, 2014           ; ISSUE_DATE     ; 2014-08-03       ; false
            Invoice No. | Invoice Date | Due Date / A-1 | 3 Aug 2026 | 2 Sep 2026 ; DUE_DATE  ; 2026-09-02       ; false
            Invoice No. | Invoice Date | Due Date / A-1 | 3 Aug 2026 | On receipt ; DUE_DATE  ; null             ; false
            Invoice Number Invoice Date Due Date                             ; INVOICE_NUMBER ; null             ; false
            Acme Ltd | INVOICE 2026-0042 / Total | 10.00                     ; INVOICE_NUMBER ; 2026-0042        ; true
            RECHNUNG / Rechnung 12345 / Gesamtbetrag | 10,00 €               ; INVOICE_NUMBER ; 12345            ; true
            Invoice No: A-7 / INVOICE 2026-0042                              ; INVOICE_NUMBER ; A-7              ; false
            TAX INVOICE / Total | 10.00                                      ; INVOICE_NUMBER ; null             ; false
            Factuurnummer: | F-2026-7 / Factuurdatum: | 03-08-2026           ; ISSUE_DATE     ; 2026-08-03       ; false
            Rechnungsnummer: | R-12 / Rechnungsdatum: | 3. August 2014       ; ISSUE_DATE     ; 2014-08-03       ; false
            Date: | 03/08/2014                                               ; ISSUE_DATE     ; 2014-08-03       ; true
            Invoice date: 3 Aug 2026 / Invoice date: 4 Aug 2026              ; ISSUE_DATE     ; 2026-08-03       ; true
            # vendor: label, letterhead, legal footer, fallback, disagreement
            INVOICE / Supplier: | Acme Ltd / Bill To: | Contoso Ltd           ; VENDOR_NAME    ; Acme Ltd         ; false
            Acme Office Supplies Ltd | Invoice / 12 Harbour Road / Bristol BS1 4AA / Invoice No. | 1 ; VENDOR_NAME ; Acme Office Supplies Ltd ; false
            PAYMENT RECEIPT / Contoso Ltd / 88 Station Street / Invoice no: 7 / Acme GmbH · Amtsgericht Berlin HRB 1 ; VENDOR_NAME ; Acme GmbH ; true
            PAYMENT RECEIPT | Acme GmbH / 3 Rue des Lilas / Contoso Ltd / 88 Station Street / Invoice no: 7 / Acme GmbH · Amtsgericht Berlin HRB 1 ; VENDOR_NAME ; Acme GmbH ; false
            PAYMENT RECEIPT | Acme GmbH / 3 Rue des Lilas / Contoso Ltd / 88 Station Street / Invoice no: 7 ; VENDOR_NAME ; Acme GmbH ; true
            Factuuradres | Afleveradres / Contoso BV | Contoso BV / Invoice no: 7 ; VENDOR_NAME ; null          ; false
            Harbour Supplies Ltd TAX INVOICE / Invoice No: 1                 ; VENDOR_NAME    ; Harbour Supplies Ltd ; true
            From: Acme Ltd / Seller: Zenith Ltd                              ; VENDOR_NAME    ; Acme Ltd         ; true
            Supplier: / Invoice no: 7 / Acme GmbH · Amtsgericht Berlin HRB 1 ; VENDOR_NAME    ; Acme GmbH        ; true
            # buyer: bill-to / ship-to blocks, headings and label-only lines are never names
            Bill To: | Ship To: / Contoso Ltd | Contoso Warehouse            ; BUYER_NAME     ; Contoso Ltd      ; false
            Factuuradres | Afleveradres / Contoso BV | Contoso BV            ; BUYER_NAME     ; Contoso BV       ; false
            Bill to / Northwind Traders plc / 12 Harbour Road                ; BUYER_NAME     ; Northwind Traders plc ; false
            Ship To: / Contoso Warehouse / 12 Harbour Road                   ; BUYER_NAME     ; Contoso Warehouse ; true
            Ship To: / Address: / 12 Harbour Road                            ; BUYER_NAME     ; null             ; false
            Invoice No: 7 / From 1 March prices change                      ; VENDOR_NAME    ; From 1 March prices change ; true
            Invoice No: 7 / Customer Fabrikam Ltd                            ; BUYER_NAME     ; null             ; false
            Invoice No: 7 / Customer: Fabrikam Ltd                           ; BUYER_NAME     ; Fabrikam Ltd     ; false
            Customer No: C-1002 / Bill To: / Address:                        ; BUYER_NAME     ; null             ; false
            # currency
            Currency: | EUR / Total | $10.00                                 ; CURRENCY       ; EUR              ; false
            Total | € 1.234,56                                               ; CURRENCY       ; EUR              ; false
            Total | $10.00                                                   ; CURRENCY       ; USD              ; true
            Total | GBP 10.00 / Shipping | USD 2.00                          ; CURRENCY       ; GBP              ; true
            # amounts: labels in three languages, the grand total, the subtotal that adds up
            Subtotaal | € 1.000,00 / BTW 21% | € 210,00 / Te betalen | € 1.210,00 ; TOTAL_AMOUNT ; 1210.00         ; false
            Nettobetrag | 100,00 € / MwSt. 19 % | 19,00 € / Gesamtbetrag | 119,00 € ; TAX_AMOUNT ; 19.00          ; false
            Total excl. VAT | £100.00 / VAT 20% | £20.00 / Total (incl. VAT) | £120.00 ; NET_AMOUNT ; 100.00      ; false
            Subtotal | 100.00 / Tax | 10.00 / Balance due | 110.00           ; TOTAL_AMOUNT   ; 110.00           ; false
            Subtotal services | 40.00 / Subtotal goods | 60.00 / Net total | 100.00 / VAT | 20.00 / Total | 120.00 ; NET_AMOUNT ; 100.00 ; false
            Subtotal services | 40.00 / Subtotal goods | 60.00 / VAT | 20.00 / Total | 120.00 ; NET_AMOUNT ; 100.00 ; false
            Section total | 40.00 / Section total | 60.00 / Grand total | 100.00 ; TOTAL_AMOUNT ; 100.00           ; false
            Subtotal | 40.00 / Subtotal | 65.00 / VAT | 20.00 / Total | 130.00 ; NET_AMOUNT   ; 65.00            ; true
            Total | 40.00 / Total | 65.00                                    ; TOTAL_AMOUNT   ; 65.00            ; true
            Subtotal | 100.00 / VAT | 25.00 / Total | 120.00                 ; TAX_AMOUNT     ; 25.00            ; true
            """)
    void readsTheFieldFromTheLayout(String layout, InvoiceField field, String expected, boolean doubtful) {
        RecognizedInvoice found = recognizer.recognize(text(layout));

        Object value = found.value(field);
        if (expected == null) {
            assertThat(value).as("value").isNull();
        } else if (value instanceof BigDecimal amount) {
            assertThat(amount).isEqualByComparingTo(expected);
        } else {
            assertThat(value).as("value").hasToString(expected);
        }
        assertThat(found.doubt(field).isPresent()).as("doubtful: %s", found.doubt(field)).isEqualTo(doubtful);
    }

    @ParameterizedTest(name = "[{index}] invoice: {1}")
    @CsvSource(delimiter = ';', textBlock = """
            Minutes of the Finance Committee / Date: 3 March 2026 / Budget approved: 12,500.00     ; false
            Minutes: the invoice process was discussed / Date: 3 March 2026                        ; false
            Price list 2026 / Widgets | 12.50 / Gadgets | 14.00                                     ; false
            INVOICE / Invoice No: 7 / Total | 10.00                                                 ; true
            PAYMENT RECEIPT / Total paid | 10.00                                                    ; true
            Rechnungsnummer: R-1 / Gesamtbetrag | 10,00 €                                           ; true
            Invoice No: 7 / Total | 10.00                                                           ; true
            """)
    void tellsInvoicesFromOtherDocuments(String layout, boolean invoice) {
        RecognizedInvoice found = recognizer.recognize(text(layout));

        assertThat(found.looksLikeInvoice()).isEqualTo(invoice);
        if (!invoice) {
            assertThat(found.notAnInvoice()).contains("does not look like an invoice");
        }
    }

    @Test
    void aLabelWithoutAValueDoesNotSwallowTheTableHeaderBelowIt() {
        RecognizedInvoice found = recognizer.recognize("Invoice No: 7\nBill To:\nDescription\tQty\tUnit Price\tAmount\n"
                + "Widgets\t2\t5.00\t10.00\nTotal\t10.00\n");

        assertThat(found.buyerName()).isNull();
        assertThat(found.lineItems()).singleElement().satisfies(item -> assertThat(item.description()).isEqualTo("Widgets"));
    }

    @Test
    void aPrintedTotalOnALaterPageIsTheTotalAndItsPageIsKept() {
        RecognizedInvoice found = recognizer.recognize("INVOICE\nInvoice No: 7\nWidgets\t1\t10.00\t10.00\f"
                + "Subtotal\t10.00\nVAT\t2.00\nAmount due\t12.00\n");

        assertThat(found.totalAmount()).isEqualByComparingTo("12.00");
        assertThat(found.pageOf(InvoiceField.TOTAL_AMOUNT)).isEqualTo(2);
        assertThat(found.doubt(InvoiceField.TOTAL_AMOUNT)).isEmpty();
        assertThat(found.doubt(InvoiceField.NET_AMOUNT)).isEmpty();
    }

    private static String text(String layout) {
        return layout.replace(" | ", "\t").replace(" / ", "\n");
    }
}
