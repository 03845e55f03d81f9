package org.invoicepipeline.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleInvoicesMainTest {

    @Test
    void writesInvoicesAndAManifestOfTheirKnownValues(@TempDir Path dir) throws IOException {
        SampleInvoicesMain.main(new String[] {"--output", dir.toString(), "--count", "3", "--seed", "5", "--special-cases"});

        assertThat(dir.resolve("invoice-1.pdf")).exists();
        assertThat(dir.resolve("invoice-3.pdf")).exists();
        assertThat(dir.resolve("multipage-1.pdf")).exists();
        assertThat(dir.resolve("picture-1.png")).exists();
        Map<String, Map<String, Object>> manifest = new ObjectMapper().readValue(
                dir.resolve("expected-values.json").toFile(), new TypeReference<>() { });
        assertThat(manifest).containsKeys("invoice-1.pdf", "invoice-2.pdf", "invoice-3.pdf", "ambiguous-1.pdf",
                "no-due-date-1.pdf", "encrypted-1.pdf", "corrupt-1.pdf", "picture-1.png");
        SampleInvoice second = new SampleInvoiceGenerator(5).generate(2);
        Map<String, Object> values = manifest.get("invoice-2.pdf");
        assertThat(values).containsEntry("invoice_number", second.invoiceNumber())
                .containsEntry("issue_date", second.issueDate().toString())
                .containsEntry("due_date", second.dueDate().toString())
                .containsEntry("vendor_name", second.vendorName())
                .containsEntry("kind", "pdf");
        assertThat(new java.math.BigDecimal(values.get("total_amount").toString())).isEqualByComparingTo(second.totalAmount());
        assertThat(manifest.get("no-due-date-1.pdf")).containsEntry("due_date", null);
        assertThat(java.util.Arrays.mismatch(Files.readAllBytes(dir.resolve("invoice-2.pdf")),
                new SampleInvoiceGenerator(5).toPdf(second))).as("first differing byte").isEqualTo(-1);
    }

    @Test
    void writesTheRecognitionCorpusWithItsExpectedValues(@TempDir Path dir) throws IOException {
        SampleInvoicesMain.main(new String[] {"--output", dir.toString(), "--count", "0", "--corpus", "1"});

        Path corpus = dir.resolve("corpus");
        Map<String, Map<String, Object>> manifest = new ObjectMapper().readValue(
                corpus.resolve("expected-values.json").toFile(), new TypeReference<>() { });
        List<CorpusDocument> documents = new SampleCorpus(SampleInvoiceGenerator.DEFAULT_SEED).documents(1);
        assertThat(manifest).hasSize(documents.size());
        for (CorpusDocument document : documents) {
            assertThat(Files.readAllBytes(corpus.resolve(document.fileName()))).isEqualTo(document.bytes());
            assertThat(manifest.get(document.fileName())).containsAllEntriesOf(document.expected())
                    .containsEntry("invoice", document.invoice()).containsEntry("text_layer", document.textLayer());
        }
        assertThat(manifest.get("dutch-1.pdf")).containsEntry("variant", "dutch").containsEntry("currency", "EUR");
    }
}
