package org.invoicepipeline.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SampleCorpusTest {

    private static List<CorpusDocument> corpus;

    @BeforeAll
    static void generate() {
        corpus = new SampleCorpus(11).documents(1);
    }

    @Test
    void holdsEveryVariantWithStandardInvoicesAndTheGeneratorsSpecialCases() {
        Map<CorpusVariant, Long> counts = corpus.stream()
                .collect(Collectors.groupingBy(CorpusDocument::variant, Collectors.counting()));

        assertThat(counts).containsOnlyKeys(CorpusVariant.values());
        counts.forEach((variant, count) -> assertThat(count).as(variant.name())
                .isEqualTo(variant == CorpusVariant.STANDARD ? 2 + 3 : 1));
        assertThat(corpus).extracting(CorpusDocument::fileName).doesNotHaveDuplicates()
                .contains("multipage-1.pdf", "ambiguous-1.pdf", "no-due-date-1.pdf", "dutch-1.pdf", "scanned-1.pdf");
    }

    @Test
    void theSameSeedGivesTheSameDocuments() {
        List<CorpusDocument> again = new SampleCorpus(11).documents(1);

        for (int i = 0; i < corpus.size(); i++) {
            assertThat(again.get(i).bytes()).as(corpus.get(i).fileName()).isEqualTo(corpus.get(i).bytes());
            assertThat(again.get(i).expected()).isEqualTo(corpus.get(i).expected());
        }
    }

    @Test
    void invoicesPrintTheirExpectedNamesAndNumberAndTheirAmountsAddUp() throws IOException {
        for (CorpusDocument document : corpus) {
            if (!document.invoice() || !document.textLayer()) {
                continue;
            }
            String text = text(document);
            Map<String, String> expected = document.expected();
            assertThat(text).as(document.fileName()).contains(expected.get("invoice_number"),
                    expected.get("vendor_name"), expected.get("buyer_name"));
            BigDecimal netAndTax = new BigDecimal(expected.get("net_amount")).add(new BigDecimal(expected.get("tax_amount")));
            if (document.variant() == CorpusVariant.SPARSE_LABELS) {
                // A shipping charge sits between tax and total.
                assertThat(netAndTax).as(document.fileName()).isLessThan(new BigDecimal(expected.get("total_amount")));
            } else {
                assertThat(netAndTax).as(document.fileName()).isEqualByComparingTo(expected.get("total_amount"));
            }
        }
    }

    @Test
    void theLayoutsPrintTheirOwnSpellings() throws IOException {
        SampleCorpus samples = new SampleCorpus(11);

        assertThat(text(samples.document(CorpusVariant.DUTCH, 1))).contains("Factuuradres", "Afleveradres",
                "Te betalen", "€ ").containsPattern("\\d,\\d{2}\\R").containsPattern("\\d{2}-\\d{2}-\\d{4}");
        assertThat(text(samples.document(CorpusVariant.GERMAN, 1))).contains("Rechnungsdatum", "Gesamtbetrag",
                "Amtsgericht").containsPattern("\\d{1,2}\\. \\p{L}+ \\d{4}");
        assertThat(text(samples.document(CorpusVariant.LETTERHEAD, 1))).contains("PAYMENT RECEIPT", "Ship To:",
                "Address:", "Registered in England");
        assertThat(text(samples.document(CorpusVariant.LETTERHEAD, 2))).doesNotContain("Registered in England");
        CorpusDocument onReceipt = samples.document(CorpusVariant.COLUMNS, 2);
        assertThat(text(onReceipt)).contains("On receipt");
        assertThat(onReceipt.expected().get("due_date")).isNull();
        assertThat(text(samples.document(CorpusVariant.NOT_AN_INVOICE, 1))).startsWith("Minutes")
                .doesNotContainIgnoringCase("invoice");
        CorpusDocument scan = samples.document(CorpusVariant.SCANNED, 1);
        assertThat(text(scan)).isBlank();
        assertThat(scan.expected().values()).containsOnlyNulls();
    }

    private static String text(CorpusDocument document) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(document.bytes())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(pdf);
        }
    }
}
