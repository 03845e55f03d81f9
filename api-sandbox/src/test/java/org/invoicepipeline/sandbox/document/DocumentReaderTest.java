package org.invoicepipeline.sandbox.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.invoicepipeline.samples.SampleInvoice;
import org.invoicepipeline.samples.SampleInvoiceGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentReaderTest {

    private final SampleInvoiceGenerator samples = new SampleInvoiceGenerator(3);
    private final DocumentReader reader = new DocumentReader();

    @Test
    void readsEachPageOfAPdfWithItsText() {
        SampleInvoice invoice = samples.multiPage(1);
        ReadDocument document = reader.read(invoice.fileName(), samples.toPdf(invoice));

        assertThat(document.kind()).isEqualTo(DocumentKind.PDF);
        assertThat(document.pageCount()).isEqualTo(2);
        assertThat(document.pages()).extracting(ReadPage::number).containsExactly(1, 2);
        assertThat(document.failedPages()).isEmpty();
        assertThat(document.pages().get(0).text()).contains(invoice.invoiceNumber());
        assertThat(document.pages().get(1).text()).contains(invoice.lineItems().get(39).description());
        assertThat(document.encrypted()).isFalse();
        assertThat(document.exceedsPageLimit()).isFalse();
    }

    @Test
    void flagsAPasswordProtectedPdf() {
        SampleInvoice invoice = samples.generate(1);
        ReadDocument document = reader.read("secret.pdf", samples.toEncryptedPdf(invoice));

        assertThat(document.encrypted()).isTrue();
        assertThat(document.pages()).isEmpty();
    }

    @Test
    void reportsTheOnlyPageOfADamagedPdfAsFailed() {
        ReadDocument document = reader.read("damaged.pdf", samples.toCorruptPdf(samples.generate(1)));

        assertThat(document.encrypted()).isFalse();
        assertThat(document.successfulPages()).isEmpty();
        assertThat(document.failedPages()).singleElement().satisfies(page -> {
            assertThat(page.number()).isEqualTo(1);
            assertThat(page.failure().code()).isEqualTo(PageFailure.FILE_UNREADABLE);
            assertThat(page.failure().message()).isNotBlank();
        });
    }

    @Test
    void readsAnImageAsOnePageWithoutText() {
        ReadDocument document = reader.read("scan.PNG", samples.toPng(samples.generate(1)));

        assertThat(document.kind()).isEqualTo(DocumentKind.IMAGE);
        assertThat(document.image()).isTrue();
        assertThat(document.pageCount()).isEqualTo(1);
        assertThat(document.successfulPages()).singleElement().extracting(ReadPage::text).isEqualTo("");
    }

    @Test
    void aFileNamedAsAnImageThatIsNotOneIsUnreadable() {
        ReadDocument document = reader.read("photo.jpg", samples.toPdf(samples.generate(1)));

        assertThat(document.failedPages()).singleElement()
                .satisfies(page -> assertThat(page.failure().code()).isEqualTo(PageFailure.FILE_UNREADABLE));
    }

    @Test
    void anUnsupportedFileTypeIsUnreadable() {
        ReadDocument document = reader.read("notes.txt", "hello".getBytes());

        assertThat(document.kind()).isEqualTo(DocumentKind.UNSUPPORTED);
        assertThat(document.failedPages()).hasSize(1);
    }

    @Test
    void readsALargePdfFromDisk(@TempDir Path dir) throws IOException {
        SampleInvoice invoice = samples.generate(2);
        Path file = dir.resolve("large.pdf");
        samples.writeLargePdf(invoice, 2_000_000, file);

        ReadDocument document = reader.read("large.pdf", file);

        assertThat(document.pageCount()).isEqualTo(1);
        assertThat(document.text()).contains(invoice.invoiceNumber());
    }

    @Test
    void flagsAPdfOverThePageLimitWithoutReadingIt() throws IOException {
        byte[] pdf;
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i <= ReadDocument.MAX_PAGES; i++) {
                document.addPage(new PDPage());
            }
            document.save(out);
            pdf = out.toByteArray();
        }

        ReadDocument document = reader.read("huge.pdf", pdf);

        assertThat(document.pageCount()).isEqualTo(ReadDocument.MAX_PAGES + 1);
        assertThat(document.exceedsPageLimit()).isTrue();
        assertThat(document.pages()).isEmpty();
    }
}
