package org.invoicepipeline.sandbox.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.invoicepipeline.samples.CorpusVariant;
import org.invoicepipeline.samples.SampleCorpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Field recognition measured on the varied corpus (kept apart from the fixed-value contract tests): no wrong
 * value goes unflagged, most printed values are found and right, and the documents that cannot be read as
 * invoices say so.
 */
class CorpusAccuracyTest {

    /** Two of each layout variant keeps this test to a few seconds; the report runs a larger corpus. */
    private static List<CorpusEvaluation.DocumentResult> results;

    @BeforeAll
    static void evaluate() {
        results = new CorpusEvaluation().evaluate(new SampleCorpus(7).documents(2));
    }

    @Test
    void noWrongValueGoesUnflagged() {
        List<String> unflagged = results.stream().flatMap(result -> result.cells().stream()
                .filter(cell -> cell.wrong() && !cell.flagged())
                .map(cell -> result.document().fileName() + " " + cell.field() + ": \"" + cell.value()
                        + "\" instead of \"" + cell.expected() + "\""))
                .toList();

        assertThat(unflagged).isEmpty();
    }

    @Test
    void mostPrintedValuesAreFoundAndRightInEveryField() {
        for (CorpusEvaluation.FieldScore score : CorpusEvaluation.scores(results)) {
            assertThat(score.printed()).as(score.field()).isGreaterThan(10);
            assertThat(score.right()).as(score.field() + " right").isGreaterThanOrEqualTo(score.printed() * 8 / 10);
        }
    }

    @Test
    void aValueFromWeakEvidenceIsFlaggedWithItsFieldNamed() {
        CorpusEvaluation.DocumentResult german = results.stream()
                .filter(result -> result.document().variant() == CorpusVariant.GERMAN).findFirst().orElseThrow();

        assertThat(german.cells()).filteredOn(cell -> cell.field().equals("buyer_name")).singleElement()
                .satisfies(cell -> assertThat(cell.right() && cell.flagged()).isTrue());
        assertThat(german.messages()).anyMatch(message -> message.startsWith("Buyer Name is uncertain"));
    }

    @Test
    void aDocumentThatIsNotAnInvoiceGetsAReviewItemSayingSo() {
        assertThat(results).filteredOn(result -> !result.document().invoice()).hasSize(2).allSatisfy(result -> {
            assertThat(result.mentions(CorpusEvaluation.NOT_AN_INVOICE_MESSAGE)).isTrue();
            assertThat(result.cells()).allMatch(CorpusEvaluation.Cell::flagged);
        });
        assertThat(results).filteredOn(result -> result.document().invoice())
                .noneMatch(result -> result.mentions(CorpusEvaluation.NOT_AN_INVOICE_MESSAGE));
    }

    @Test
    void aScannedPdfGetsTheSameMessageAsAnImage() {
        assertThat(results).filteredOn(result -> !result.document().textLayer()).hasSize(2).allSatisfy(result -> {
            assertThat(result.messages()).singleElement().asString().contains(CorpusEvaluation.IMAGE_MESSAGE);
            assertThat(result.cells()).allMatch(cell -> !cell.found() && cell.flagged());
        });
    }
}
