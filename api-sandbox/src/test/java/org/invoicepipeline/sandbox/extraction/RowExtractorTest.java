package org.invoicepipeline.sandbox.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.invoicepipeline.samples.CorpusVariant;
import org.invoicepipeline.samples.SampleCorpus;
import org.invoicepipeline.samples.SampleInvoice;
import org.invoicepipeline.samples.SampleInvoiceGenerator;
import org.invoicepipeline.samples.SampleLineItem;
import org.invoicepipeline.sandbox.document.DocumentKind;
import org.invoicepipeline.sandbox.document.DocumentReader;
import org.invoicepipeline.sandbox.document.PageFailure;
import org.invoicepipeline.sandbox.document.ReadDocument;
import org.invoicepipeline.sandbox.document.ReadPage;
import org.junit.jupiter.api.Test;

class RowExtractorTest {

    private static final String ALL_INVOICE_FIELDS = "Extract invoice number, invoice date, due date, vendor name, "
            + "buyer, currency, net amount, tax amount and total amount";
    private static final List<String> INVOICE_COLUMNS = List.of("Invoice Number", "Invoice Date", "Due Date",
            "Vendor Name", "Buyer Name", "Currency", "Net Amount", "Tax Amount", "Total Amount");

    private final SampleInvoiceGenerator samples = new SampleInvoiceGenerator(29);
    private final DocumentReader reader = new DocumentReader();
    private final RowExtractor extractor = new RowExtractor();

    @Test
    void perInvoiceTypedRowsHoldExactlyTheKnownValues() {
        List<SampleInvoice> invoices = samples.generateMany(6);
        ExtractionOutcome outcome = extractor.extract(spec(ALL_INVOICE_FIELDS).jsonTypedValues(true).build(), read(invoices));

        assertThat(outcome.outputStructure()).isEqualTo(OutputStructure.PER_INVOICE);
        assertThat(outcome.columns()).containsExactlyElementsOf(withSystemColumns(INVOICE_COLUMNS));
        assertThat(outcome.rows()).hasSize(6);
        for (int i = 0; i < invoices.size(); i++) {
            SampleInvoice invoice = invoices.get(i);
            Map<String, Object> expected = new LinkedHashMap<>(typedInvoiceValues(invoice));
            expected.put("Source File", invoice.fileName() + " (Page 1)");
            expected.put("Review Needed", null);
            assertThat(outcome.rows().get(i)).containsExactlyEntriesOf(expected);
        }
        assertThat(outcome.reviewNeeded()).isEmpty();
        assertThat(outcome.uncertaintyNotes()).isEmpty();
        assertThat(outcome.questions()).isEmpty();
        assertThat(outcome.creditsToCharge()).isEqualTo(6);
        assertThat(outcome.typeOf("Total Amount")).isEqualTo(ValueType.NUMBER);
        assertThat(outcome.typeOf("Invoice Date")).isEqualTo(ValueType.DATE);
    }

    @Test
    void untypedRowsHoldEveryValueAsAString() {
        SampleInvoice invoice = samples.generate(3);
        ExtractionOutcome outcome = extractor.extract(spec(ALL_INVOICE_FIELDS).build(), read(List.of(invoice)));

        Map<String, Object> row = outcome.rows().get(0);
        assertThat(row.values()).allSatisfy(value -> assertThat(value).isInstanceOf(String.class));
        assertThat(row).containsEntry("Invoice Number", invoice.invoiceNumber())
                .containsEntry("Invoice Date", invoice.issueDate().toString())
                .containsEntry("Due Date", invoice.dueDate().toString())
                .containsEntry("Net Amount", invoice.netAmount().toPlainString())
                .containsEntry("Tax Amount", invoice.taxAmount().toPlainString())
                .containsEntry("Total Amount", invoice.totalAmount().toPlainString())
                .containsEntry("Review Needed", "");
        assertThat(outcome.jsonTypedValues()).isFalse();
    }

    @Test
    void perLineItemRowsRepeatTheInvoiceFieldsForEachLine() {
        SampleInvoice first = samples.generate(1);
        SampleInvoice multiPage = samples.multiPage(1);
        ExtractionPrompt prompt = ExtractionPrompt.fields(List.of(PromptField.of("Invoice Number"),
                new PromptField("Invoice Date", "The date the invoice was issued, NOT the payment due date"),
                PromptField.of("Vendor Name"), PromptField.of("Line Item Description"), PromptField.of("Quantity"),
                PromptField.of("Unit Price"),
                new PromptField("Line Item Amount", "Do not include currency symbol, use 2 decimal places")), "");
        ExtractionOutcome outcome = extractor.extract(ExtractionSpec.builder(prompt).jsonTypedValues(true).build(),
                read(List.of(first, multiPage)));

        assertThat(outcome.outputStructure()).isEqualTo(OutputStructure.PER_LINE_ITEM);
        assertThat(outcome.columns()).containsExactly("Invoice Number", "Invoice Date", "Vendor Name",
                "Line Item Description", "Quantity", "Unit Price", "Line Item Amount", "Source File", "Review Needed");
        assertThat(outcome.rows()).hasSize(first.lineItems().size() + 40);
        List<Map<String, Object>> expected = new ArrayList<>();
        for (SampleInvoice invoice : List.of(first, multiPage)) {
            for (int i = 0; i < invoice.lineItems().size(); i++) {
                SampleLineItem item = invoice.lineItems().get(i);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("Invoice Number", invoice.invoiceNumber());
                row.put("Invoice Date", invoice.issueDate().toString());
                row.put("Vendor Name", invoice.vendorName());
                row.put("Line Item Description", item.description());
                row.put("Quantity", item.quantity());
                row.put("Unit Price", item.unitPrice());
                row.put("Line Item Amount", item.amount());
                expected.add(row);
            }
        }
        for (int i = 0; i < expected.size(); i++) {
            Map<String, Object> row = outcome.rows().get(i);
            expected.get(i).forEach((column, value) -> {
                if (value instanceof BigDecimal number) {
                    assertThat((BigDecimal) row.get(column)).isEqualByComparingTo(number);
                } else {
                    assertThat(row.get(column)).isEqualTo(value);
                }
            });
        }
        int firstOfMultiPage = first.lineItems().size();
        assertThat(outcome.rows().get(firstOfMultiPage).get("Source File")).isEqualTo("multipage-1.pdf (Page 1)");
        assertThat(outcome.rows().get(outcome.rows().size() - 1).get("Source File")).isEqualTo("multipage-1.pdf (Page 2)");
        assertThat(outcome.reviewNeeded()).isEmpty();
        assertThat(outcome.pages().successfulCount()).isEqualTo(3);
    }

    @Test
    void automaticStructureIsPerInvoiceWithoutLineItemFields() {
        ExtractionOutcome outcome = extractor.extract(spec("invoice number and total").build(), read(samples.generateMany(2)));

        assertThat(outcome.outputStructure()).isEqualTo(OutputStructure.PER_INVOICE);
        assertThat(outcome.rows()).hasSize(2);
    }

    @Test
    void lineItemFieldsInOneRowPerInvoiceAreListedInOneCell() {
        SampleInvoice invoice = samples.multiPage(3);
        ExtractionOutcome outcome = extractor.extract(spec("invoice number and line item descriptions")
                .outputStructure(OutputStructure.PER_INVOICE).jsonTypedValues(true).build(), read(List.of(invoice)));

        assertThat(outcome.rows()).hasSize(1);
        assertThat(outcome.rows().get(0).get("Line Item Description")).isEqualTo(String.join("; ",
                invoice.lineItems().stream().map(SampleLineItem::description).toList()));
        assertThat(outcome.typeOf("Line Item Description")).isEqualTo(ValueType.TEXT);
        assertThat(outcome.uncertaintyNotes()).extracting(UncertaintyNote::topic)
                .contains("Line items in one row per invoice");
    }

    @Test
    void excludedSystemColumnsAreLeftOutButReviewItemsRemain() {
        SampleInvoice invoice = samples.missingDueDate(1);
        ExtractionOutcome outcome = extractor.extract(spec("invoice number and due date")
                .excludedColumns(Set.of(SystemColumn.SOURCE_FILE, SystemColumn.REVIEW_NEEDED)).build(),
                read(List.of(invoice)));

        assertThat(outcome.columns()).containsExactly("Invoice Number", "Due Date");
        assertThat(outcome.rows().get(0)).containsOnlyKeys("Invoice Number", "Due Date");
        assertThat(outcome.reviewNeeded()).hasSize(1);
    }

    @Test
    void aMissingFieldIsEmptyAndFlaggedForReview() {
        List<SampleInvoice> invoices = List.of(samples.generate(1), samples.missingDueDate(1));
        ExtractionOutcome outcome = extractor.extract(spec("invoice number, due date and total").jsonTypedValues(true).build(),
                read(invoices));

        Map<String, Object> flagged = outcome.rows().get(1);
        assertThat(flagged).containsEntry("Due Date", null);
        assertThat(flagged.get("Review Needed")).asString().contains("Due Date");
        assertThat(outcome.rows().get(0)).containsEntry("Review Needed", null);
        assertThat(outcome.reviewNeeded()).singleElement().satisfies(item -> {
            assertThat(item.affectedFields()).containsExactly("Due Date");
            assertThat(item.outputRowNumbers()).containsExactly(2);
            assertThat(item.sourceReferences()).containsExactly("no-due-date-1.pdf (Page 1)");
        });
    }

    @Test
    void anImageGivesOneRowOfEmptyValuesFlaggedForReview() {
        SampleInvoice invoice = samples.generate(1);
        ReadDocument image = reader.read("scan-1.png", samples.toPng(invoice));
        ExtractionOutcome outcome = extractor.extract(spec("invoice number and total amount").build(), List.of(image));

        assertThat(outcome.rows()).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("Invoice Number", "").containsEntry("Total Amount", "")
                    .containsEntry("Source File", "scan-1.png (Page 1)");
            assertThat(row.get("Review Needed")).asString().contains("image");
        });
        assertThat(outcome.reviewNeeded()).singleElement().satisfies(item -> {
            assertThat(item.affectedFields()).containsExactly("Invoice Number", "Total Amount");
            assertThat(item.outputRowNumbers()).containsExactly(1);
        });
        assertThat(outcome.creditsToCharge()).isEqualTo(1);
    }

    @Test
    void aDamagedFileGivesNoRowsAndAFailedPage() {
        SampleInvoice good = samples.generate(2);
        List<ReadDocument> documents = new ArrayList<>(read(List.of(good)));
        documents.add(reader.read("damaged.pdf", samples.toCorruptPdf(samples.generate(3))));
        ExtractionOutcome outcome = extractor.extract(spec("invoice number").build(), documents);

        assertThat(outcome.rows()).hasSize(1);
        assertThat(outcome.pages().successful()).containsExactly(new PageReference(good.fileName(), 1));
        assertThat(outcome.pages().failed()).containsExactly(new PageReference("damaged.pdf", 1));
        assertThat(outcome.pages().failureReasons()).singleElement().satisfies(reason -> {
            assertThat(reason.code()).isEqualTo(PageFailure.FILE_UNREADABLE);
            assertThat(reason.affectedPages()).containsExactly(
                    new PageFailureReason.AffectedPages("damaged.pdf", List.of(1)));
        });
        assertThat(outcome.creditsToCharge()).isEqualTo(1);
    }

    @Test
    void anEncryptedFileGivesNoRowsAndNoPages() {
        ReadDocument encrypted = reader.read("locked.pdf", samples.toEncryptedPdf(samples.generate(1)));
        ExtractionOutcome outcome = extractor.extract(spec("invoice number").build(), List.of(encrypted));

        assertThat(outcome.rows()).isEmpty();
        assertThat(outcome.creditsToCharge()).isZero();
    }

    @Test
    void twoTotalsWithoutQuestionsUseTheInvoiceTotalAndAskForReview() {
        SampleInvoice invoice = samples.ambiguousTotal(1);
        ExtractionOutcome outcome = extractor.extract(spec("invoice number and total amount").jsonTypedValues(true).build(),
                read(List.of(invoice)));

        assertThat(outcome.questions()).isEmpty();
        assertThat(outcome.awaitingAnswers()).isFalse();
        assertThat((BigDecimal) outcome.rows().get(0).get("Total Amount")).isEqualByComparingTo(invoice.totalAmount());
        assertThat(outcome.reviewNeeded()).singleElement()
                .satisfies(item -> assertThat(item.affectedFields()).containsExactly("Total Amount"));
    }

    @Test
    void twoTotalsWithQuestionsAskWhichAmountIsMeant() {
        SampleInvoice invoice = samples.ambiguousTotal(1);
        List<ReadDocument> documents = read(List.of(samples.generate(1), invoice));
        ExtractionSpec spec = spec("invoice number and total amount").askQuestions(true).jsonTypedValues(true).build();

        ExtractionOutcome asked = extractor.extract(spec, documents);

        assertThat(asked.awaitingAnswers()).isTrue();
        Question question = asked.questions().get(0);
        assertThat(asked.questions()).hasSize(1);
        assertThat(question.type()).isEqualTo(Question.SINGLE_CHOICE);
        assertThat(question.question()).contains("Total Amount");
        assertThat(question.exampleFromDocuments()).contains(invoice.fileName());
        assertThat(question.scope().level()).isEqualTo("extraction");
        assertThat(question.choices()).extracting(QuestionChoice::choiceId).containsExactly("a", "b");
        assertThat(question.choices()).filteredOn(QuestionChoice::isRecommended).singleElement()
                .satisfies(choice -> assertThat(choice.cellWouldContain()).isEqualTo(invoice.totalAmount().toPlainString()));
        assertThat(question.choices().get(1).cellWouldContain()).isEqualTo(invoice.amountDue().toPlainString());
        assertThat(question.choices().get(1).recommended()).isNull();

        ExtractionOutcome sameAgain = extractor.extract(spec, documents);
        assertThat(sameAgain.questions()).isEqualTo(asked.questions());

        ExtractionOutcome amountDue = extractor.extract(spec.withAnswers(List.of(Answer.choice(question.questionId(), "b"))), documents);
        assertThat(amountDue.awaitingAnswers()).isFalse();
        assertThat((BigDecimal) amountDue.rows().get(1).get("Total Amount")).isEqualByComparingTo(invoice.amountDue());
        assertThat(amountDue.reviewNeeded()).isEmpty();

        ExtractionOutcome recommended = extractor.extract(
                spec.withAnswers(List.of(Answer.acceptRecommended(question.questionId()))), documents);
        assertThat((BigDecimal) recommended.rows().get(1).get("Total Amount")).isEqualByComparingTo(invoice.totalAmount());

        ExtractionOutcome inWords = extractor.extract(spec.withAnswers(List.of(Answer.text(question.questionId(),
                "Use the balance still owed after the deposit, not the total"))), documents);
        assertThat((BigDecimal) inWords.rows().get(1).get("Total Amount")).isEqualByComparingTo(invoice.amountDue());
    }

    @Test
    void noQuestionIsAskedWhenTheTotalIsNotRequested() {
        ExtractionOutcome outcome = extractor.extract(spec("invoice number").askQuestions(true).build(),
                read(List.of(samples.ambiguousTotal(2))));

        assertThat(outcome.questions()).isEmpty();
    }

    @Test
    void aBareDateInTheSentenceComesWithAPromptNote() {
        SampleInvoice invoice = samples.generate(5);
        ExtractionOutcome outcome = extractor.extract(
                spec("Extract invoice number, date, vendor name, and total amount").jsonTypedValues(true).build(),
                read(List.of(invoice)));

        assertThat(outcome.columns()).startsWith("Invoice Number", "Invoice Date", "Vendor Name", "Total Amount");
        assertThat(outcome.rows().get(0)).containsEntry("Invoice Date", invoice.issueDate().toString());
        assertThat(outcome.uncertaintyNotes()).extracting(UncertaintyNote::topic).containsExactly("Which date");
    }

    @Test
    void aFieldNotOnTheInvoicesIsEmptyAndFlagged() {
        ExtractionPrompt prompt = ExtractionPrompt.fields(List.of(PromptField.of("Invoice Number"), PromptField.of("PO Number")), "");
        ExtractionOutcome outcome = extractor.extract(ExtractionSpec.builder(prompt).jsonTypedValues(true).build(),
                read(samples.generateMany(2)));

        assertThat(outcome.rows()).allSatisfy(row -> assertThat(row).containsEntry("PO Number", null));
        assertThat(outcome.reviewNeeded()).hasSize(2)
                .allSatisfy(item -> assertThat(item.affectedFields()).containsExactly("PO Number"));
        assertThat(outcome.reviewNeeded()).flatExtracting(ReviewNeededItem::outputRowNumbers).containsExactly(1, 2);
    }

    @Test
    void aValueFromWeakEvidenceIsKeptAndFlaggedWithTheFieldNamed() {
        ReadDocument document = new ReadDocument("window.pdf", DocumentKind.PDF, 1,
                List.of(ReadPage.ok(1, """
                        Kestrel Software GmbH · Friedrichstrasse 120 · 10117 Berlin
                        Northwind Traders plc
                        12 Harbour Road
                        RECHNUNG
                        Rechnungsnummer:	R-2026-17
                        Rechnungsdatum:	3. August 2026
                        Gesamtbetrag	119,00 €
                        Kestrel Software GmbH · Amtsgericht Berlin HRB 12345 · USt-IdNr. DE123456789
                        """)), false);
        ExtractionOutcome outcome = extractor.extract(spec("invoice number, vendor, buyer and total amount")
                .jsonTypedValues(true).build(), List.of(document));

        Map<String, Object> row = outcome.rows().get(0);
        assertThat(row).containsEntry("Invoice Number", "R-2026-17").containsEntry("Vendor Name", "Kestrel Software GmbH")
                .containsEntry("Buyer Name", "Northwind Traders plc");
        assertThat((BigDecimal) row.get("Total Amount")).isEqualByComparingTo("119.00");
        assertThat(outcome.reviewNeeded()).singleElement().satisfies(item -> {
            assertThat(item.message()).startsWith("Buyer Name is uncertain: no buyer label is printed");
            assertThat(item.affectedFields()).containsExactly("Buyer Name");
            assertThat(item.outputRowNumbers()).containsExactly(1);
            assertThat(item.sourceReferences()).containsExactly("window.pdf (Page 1)");
        });
        assertThat(row.get("Review Needed")).asString().contains("Buyer Name is uncertain");
    }

    @Test
    void aDocumentThatIsNotAnInvoiceGetsOneItemNamingEveryField() {
        ReadDocument minutes = new ReadDocument("minutes.pdf", DocumentKind.PDF, 1,
                List.of(ReadPage.ok(1, """
                        Minutes of the Finance Committee Meeting
                        Date: 3 March 2026
                        Attendees: A. Jones, B. Smith
                        Budget review: a budget of 12,500.00 was approved.
                        """)), false);
        ExtractionOutcome outcome = extractor.extract(spec("invoice number, invoice date and total amount").build(),
                List.of(minutes));

        assertThat(outcome.rows().get(0)).containsEntry("Invoice Date", "2026-03-03");
        assertThat(outcome.reviewNeeded()).singleElement().satisfies(item -> {
            assertThat(item.message()).startsWith("This document does not look like an invoice");
            assertThat(item.affectedFields()).containsExactly("Invoice Number", "Invoice Date", "Total Amount");
        });
    }

    @Test
    void aPdfWithoutATextLayerGetsTheImageMessage() {
        byte[] scan = new SampleCorpus(29)
                .document(CorpusVariant.SCANNED, 1).bytes();
        ExtractionOutcome outcome = extractor.extract(spec("invoice number and total amount").build(),
                List.of(reader.read("scan.pdf", scan)));

        assertThat(outcome.rows()).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("Invoice Number", "").containsEntry("Total Amount", "")
                .containsEntry("Source File", "scan.pdf (Page 1)"));
        ExtractionOutcome image = extractor.extract(spec("invoice number and total amount").build(),
                List.of(reader.read("scan.png", samples.toPng(samples.generate(1)))));
        assertThat(outcome.reviewNeeded()).singleElement().satisfies(item -> {
            assertThat(item.message()).isEqualTo(image.reviewNeeded().get(0).message());
            assertThat(item.affectedFields()).containsExactly("Invoice Number", "Total Amount");
        });
        assertThat(outcome.creditsToCharge()).isEqualTo(1);
    }

    static Map<String, Object> typedInvoiceValues(SampleInvoice invoice) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("Invoice Number", invoice.invoiceNumber());
        values.put("Invoice Date", invoice.issueDate().toString());
        values.put("Due Date", invoice.dueDate() == null ? null : invoice.dueDate().toString());
        values.put("Vendor Name", invoice.vendorName());
        values.put("Buyer Name", invoice.buyerName());
        values.put("Currency", invoice.currency());
        values.put("Net Amount", invoice.netAmount());
        values.put("Tax Amount", invoice.taxAmount());
        values.put("Total Amount", invoice.totalAmount());
        return values;
    }

    private static List<String> withSystemColumns(List<String> columns) {
        List<String> all = new ArrayList<>(columns);
        all.add("Source File");
        all.add("Review Needed");
        return all;
    }

    private static ExtractionSpec.Builder spec(String sentence) {
        return ExtractionSpec.builder(ExtractionPrompt.sentence(sentence));
    }

    private List<ReadDocument> read(List<SampleInvoice> invoices) {
        return invoices.stream().map(invoice -> reader.read(invoice.fileName(), samples.toPdf(invoice))).toList();
    }
}
