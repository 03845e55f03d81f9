package org.invoicepipeline.sandbox.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class PromptInterpretationTest {

    @Test
    void findsTheFieldsASentenceNamesInOrder() {
        PromptInterpretation prompt = PromptInterpretation.of(
                ExtractionPrompt.sentence("Extract invoice number, due date, vendor name, and total amount"));

        assertThat(prompt.columns()).containsExactly(
                new RequestedColumn("Invoice Number", InvoiceField.INVOICE_NUMBER),
                new RequestedColumn("Due Date", InvoiceField.DUE_DATE),
                new RequestedColumn("Vendor Name", InvoiceField.VENDOR_NAME),
                new RequestedColumn("Total Amount", InvoiceField.TOTAL_AMOUNT));
        assertThat(prompt.notes()).isEmpty();
    }

    @Test
    void aBareDateInASentenceIsTheIssueDateWithANote() {
        PromptInterpretation prompt = PromptInterpretation.of(
                ExtractionPrompt.sentence("Extract invoice number, date, vendor name, and total amount"));

        assertThat(prompt.columns()).extracting(RequestedColumn::name)
                .containsExactly("Invoice Number", "Invoice Date", "Vendor Name", "Total Amount");
        assertThat(prompt.notes()).singleElement().satisfies(note -> {
            assertThat(note.topic()).isEqualTo("Which date");
            assertThat(note.suggestedPromptAdditions()).hasSize(2);
        });
    }

    @Test
    void lineItemsInASentenceExpandToTheLineItemFields() {
        PromptInterpretation prompt = PromptInterpretation.of(
                ExtractionPrompt.sentence("Get the invoice number and all line items"));

        assertThat(prompt.columns()).extracting(RequestedColumn::field).containsExactly(InvoiceField.INVOICE_NUMBER,
                InvoiceField.LINE_DESCRIPTION, InvoiceField.LINE_QUANTITY, InvoiceField.LINE_UNIT_PRICE,
                InvoiceField.LINE_AMOUNT);
        assertThat(prompt.asksForLineItems()).isTrue();
    }

    @Test
    void aSentenceNamingNoFieldGetsTheBasicFieldsAndANote() {
        PromptInterpretation prompt = PromptInterpretation.of(ExtractionPrompt.sentence("Please process these"));

        assertThat(prompt.columns()).extracting(RequestedColumn::field)
                .containsExactlyElementsOf(PromptInterpretation.DEFAULT_FIELDS);
        assertThat(prompt.notes()).extracting(UncertaintyNote::topic).containsExactly("Fields to extract");
    }

    @Test
    void objectFieldsKeepTheirNamesAndOrder() {
        PromptInterpretation prompt = PromptInterpretation.of(ExtractionPrompt.fields(List.of(
                PromptField.of("Invoice Number"),
                new PromptField("Invoice Date", "The date the invoice was issued, NOT the payment due date"),
                PromptField.of("Supplier"),
                PromptField.of("Line Item Description"),
                new PromptField("Line Item Amount", "Do not include currency symbol, use 2 decimal places"),
                PromptField.of("vat")), "Dates should be in YYYY-MM-DD format."));

        assertThat(prompt.columns()).containsExactly(
                new RequestedColumn("Invoice Number", InvoiceField.INVOICE_NUMBER),
                new RequestedColumn("Invoice Date", InvoiceField.ISSUE_DATE),
                new RequestedColumn("Supplier", InvoiceField.VENDOR_NAME),
                new RequestedColumn("Line Item Description", InvoiceField.LINE_DESCRIPTION),
                new RequestedColumn("Line Item Amount", InvoiceField.LINE_AMOUNT),
                new RequestedColumn("vat", InvoiceField.TAX_AMOUNT));
        assertThat(prompt.notes()).isEmpty();
    }

    @Test
    void aFieldCalledDateFollowsItsInstructions() {
        assertThat(fieldOf(new PromptField("Date", "the payment due date"))).isEqualTo(InvoiceField.DUE_DATE);
        assertThat(fieldOf(new PromptField("Date", "NOT the payment due date"))).isEqualTo(InvoiceField.ISSUE_DATE);
        assertThat(fieldOf(new PromptField("Date", "when it was issued"))).isEqualTo(InvoiceField.ISSUE_DATE);

        PromptInterpretation unclear = PromptInterpretation.of(ExtractionPrompt.fields(List.of(PromptField.of("Date")), ""));
        assertThat(unclear.columns()).extracting(RequestedColumn::field).containsExactly(InvoiceField.ISSUE_DATE);
        assertThat(unclear.notes()).extracting(UncertaintyNote::topic).containsExactly("Which date");
    }

    @Test
    void aFieldTheSandboxCannotReadIsKeptEmptyWithANote() {
        PromptInterpretation prompt = PromptInterpretation.of(ExtractionPrompt.fields(
                List.of(PromptField.of("Invoice Number"), PromptField.of("PO Number")), ""));

        assertThat(prompt.columns()).containsExactly(new RequestedColumn("Invoice Number", InvoiceField.INVOICE_NUMBER),
                new RequestedColumn("PO Number", null));
        assertThat(prompt.notes()).singleElement()
                .satisfies(note -> assertThat(note.description()).contains("\"PO Number\""));
    }

    private static InvoiceField fieldOf(PromptField field) {
        return PromptInterpretation.of(ExtractionPrompt.fields(List.of(field), "")).columns().get(0).field();
    }
}
