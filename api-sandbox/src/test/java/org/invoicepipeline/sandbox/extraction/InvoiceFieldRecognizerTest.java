package org.invoicepipeline.sandbox.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.invoicepipeline.samples.SampleInvoice;
import org.invoicepipeline.samples.SampleInvoiceGenerator;
import org.invoicepipeline.samples.SampleLineItem;
import org.invoicepipeline.sandbox.document.DocumentReader;
import org.invoicepipeline.sandbox.document.ReadDocument;
import org.junit.jupiter.api.Test;

class InvoiceFieldRecognizerTest {

    private final SampleInvoiceGenerator samples = new SampleInvoiceGenerator(17);
    private final DocumentReader reader = new DocumentReader();
    private final InvoiceFieldRecognizer recognizer = new InvoiceFieldRecognizer();

    @Test
    void recognisesEveryKnownValueOfGeneratedInvoicesInAllLayouts() {
        for (SampleInvoice invoice : samples.generateMany(24)) {
            RecognizedInvoice found = recognize(invoice);

            assertThat(found.invoiceNumber()).as(invoice.fileName()).isEqualTo(invoice.invoiceNumber());
            assertThat(found.issueDate()).as(invoice.fileName()).isEqualTo(invoice.issueDate());
            assertThat(found.dueDate()).as(invoice.fileName()).isEqualTo(invoice.dueDate());
            assertThat(found.vendorName()).as(invoice.fileName()).isEqualTo(invoice.vendorName());
            assertThat(found.buyerName()).as(invoice.fileName()).isEqualTo(invoice.buyerName());
            assertThat(found.currency()).as(invoice.fileName()).isEqualTo(invoice.currency());
            assertThat(found.netAmount()).as(invoice.fileName()).isEqualTo(invoice.netAmount());
            assertThat(found.taxAmount()).as(invoice.fileName()).isEqualTo(invoice.taxAmount());
            assertThat(found.totalAmount()).as(invoice.fileName()).isEqualTo(invoice.totalAmount());
            assertThat(found.ambiguousTotal()).isFalse();
            assertThat(found.doubts()).as(invoice.fileName()).isEmpty();
            assertThat(found.looksLikeInvoice()).isTrue();
            assertLineItems(found, invoice.lineItems());
        }
    }

    @Test
    void readsLineItemsAcrossPagesWithThePageEachIsOn() {
        SampleInvoice invoice = samples.multiPage(2);
        RecognizedInvoice found = recognize(invoice);

        assertLineItems(found, invoice.lineItems());
        assertThat(found.lineItems().get(0).page()).isEqualTo(1);
        assertThat(found.lineItems().get(39).page()).isEqualTo(2);
        assertThat(found.totalAmount()).isEqualTo(invoice.totalAmount());
        assertThat(found.pageOf(InvoiceField.TOTAL_AMOUNT)).isEqualTo(2);
    }

    @Test
    void seesBothTotalsOfAnInvoiceWithADeposit() {
        for (int i = 1; i <= 3; i++) {
            SampleInvoice invoice = samples.ambiguousTotal(i);
            RecognizedInvoice found = recognize(invoice);

            assertThat(found.ambiguousTotal()).isTrue();
            assertThat(found.invoiceTotal()).contains(invoice.totalAmount());
            assertThat(found.amountDue()).contains(invoice.amountDue());
            assertThat(found.totalAmount()).isEqualTo(invoice.totalAmount());
        }
    }

    @Test
    void leavesAMissingDueDateEmpty() {
        SampleInvoice invoice = samples.missingDueDate(1);
        RecognizedInvoice found = recognize(invoice);

        assertThat(found.dueDate()).isNull();
        assertThat(found.issueDate()).isEqualTo(invoice.issueDate());
    }

    @Test
    void toleratesOtherCommonLabelSpellings() {
        RecognizedInvoice found = recognizer.recognize("""
                Harbour Supplies Ltd TAX INVOICE
                VAT Reg No: GB123456789
                Customer No: C-1002
                Invoice No.: HS/2026/0042
                Date of issue: 3rd March, 2026
                Payment due 02/04/2026
                Bill To:
                Northwind Traders plc
                Item Description Unit Cost Qty Line Total
                Bronze widgets £12.50 4 £50.00
                Installation, per hour £40.00 2.5 £100.00
                Total excl. VAT £150.00
                VAT @ 20% £30.00
                Grand Total £180.00
                """);

        assertThat(found.invoiceNumber()).isEqualTo("HS/2026/0042");
        assertThat(found.issueDate()).isEqualTo(LocalDate.of(2026, 3, 3));
        assertThat(found.dueDate()).isEqualTo(LocalDate.of(2026, 4, 2));
        assertThat(found.vendorName()).isEqualTo("Harbour Supplies Ltd");
        assertThat(found.buyerName()).isEqualTo("Northwind Traders plc");
        assertThat(found.currency()).isEqualTo("GBP");
        assertThat(found.netAmount()).isEqualByComparingTo("150.00");
        assertThat(found.taxAmount()).isEqualByComparingTo("30.00");
        assertThat(found.totalAmount()).isEqualByComparingTo("180.00");
        assertThat(found.lineItems()).containsExactly(
                new RecognizedLineItem("Bronze widgets", new BigDecimal("4"), new BigDecimal("12.50"), new BigDecimal("50.00"), 1),
                new RecognizedLineItem("Installation, per hour", new BigDecimal("2.5"), new BigDecimal("40.00"), new BigDecimal("100.00"), 1));
    }

    @Test
    void toleratesMoreSpellingsAndMergedColumns() {
        RecognizedInvoice found = recognizer.recognize("""
                INVOICE
                From: Kestrel Software GmbH Bill To: Contoso Manufacturing Ltd
                Invoice # K-77
                Issue Date: January 9, 2026
                Due: 8 Feb 2026
                Currency: eur
                Subtotal: 1,000.00
                Sales tax (19%): 190.00
                Amount due: EUR 1,190.00
                """);

        assertThat(found.vendorName()).isEqualTo("Kestrel Software GmbH");
        assertThat(found.invoiceNumber()).isEqualTo("K-77");
        assertThat(found.issueDate()).isEqualTo(LocalDate.of(2026, 1, 9));
        assertThat(found.dueDate()).isEqualTo(LocalDate.of(2026, 2, 8));
        assertThat(found.currency()).isEqualTo("EUR");
        assertThat(found.netAmount()).isEqualByComparingTo("1000.00");
        assertThat(found.taxAmount()).isEqualByComparingTo("190.00");
        assertThat(found.totalAmount()).isEqualByComparingTo("1190.00");
        assertThat(found.ambiguousTotal()).isFalse();
        assertThat(found.lineItems()).isEmpty();
    }

    @Test
    void findsNothingInEmptyText() {
        RecognizedInvoice found = recognizer.recognize("");

        assertThat(found.invoiceNumber()).isNull();
        assertThat(found.totalAmount()).isNull();
        assertThat(found.lineItems()).isEmpty();
    }

    private RecognizedInvoice recognize(SampleInvoice invoice) {
        ReadDocument document = reader.read(invoice.fileName(), samples.toPdf(invoice));
        return recognizer.recognize(document);
    }

    private static void assertLineItems(RecognizedInvoice found, List<SampleLineItem> expected) {
        assertThat(found.lineItems()).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            RecognizedLineItem item = found.lineItems().get(i);
            SampleLineItem known = expected.get(i);
            assertThat(item.description()).isEqualTo(known.description());
            assertThat(item.quantity()).isEqualByComparingTo(known.quantity());
            assertThat(item.unitPrice()).isEqualTo(known.unitPrice());
            assertThat(item.amount()).isEqualTo(known.amount());
        }
    }
}
