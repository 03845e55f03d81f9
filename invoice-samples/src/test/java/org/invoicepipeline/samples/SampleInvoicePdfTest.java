package org.invoicepipeline.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleInvoicePdfTest {

    private final SampleInvoiceGenerator generator = new SampleInvoiceGenerator(11);

    @Test
    void theTextLayerShowsEveryKnownValue() throws IOException {
        for (SampleInvoice invoice : generator.generateMany(9)) {
            String text = text(generator.toPdf(invoice));
            SampleLayout layout = invoice.layout();
            assertThat(text).contains(layout.invoiceNumberLabel() + " " + invoice.invoiceNumber());
            assertThat(text).contains(layout.issueDateLabel() + " " + layout.format(invoice.issueDate()));
            assertThat(text).contains(layout.dueDateLabel() + " " + layout.format(invoice.dueDate()));
            assertThat(text).contains(invoice.vendorName(), invoice.buyerName(), invoice.currency());
            assertThat(text).contains(SampleInvoicePdf.amount(invoice.netAmount()),
                    SampleInvoicePdf.amount(invoice.taxAmount()), SampleInvoicePdf.amount(invoice.totalAmount()));
            for (SampleLineItem item : invoice.lineItems()) {
                assertThat(text).contains(item.description(), SampleInvoicePdf.amount(item.amount()),
                        SampleInvoicePdf.amount(item.unitPrice()));
            }
        }
    }

    @Test
    void aMultiPageInvoiceSpillsItsLineItemsOntoPageTwo() throws IOException {
        SampleInvoice invoice = generator.multiPage(1);
        try (PDDocument document = Loader.loadPDF(generator.toPdf(invoice))) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            String first = pageText(document, 1);
            String second = pageText(document, 2);
            assertThat(first).contains(invoice.lineItems().get(0).description(), "Continued on the next page", "Page 1 of 2");
            assertThat(second).contains(invoice.lineItems().get(39).description(),
                    SampleInvoicePdf.amount(invoice.totalAmount()), "Page 2 of 2");
        }
    }

    @Test
    void anAmbiguousInvoicePrintsTheTotalAndASmallerAmountDue() throws IOException {
        SampleInvoice invoice = generator.ambiguousTotal(1);
        String text = text(generator.toPdf(invoice));
        assertThat(text).contains(SampleInvoicePdf.amount(invoice.totalAmount()), "Less deposit paid",
                "Amount due", SampleInvoicePdf.amount(invoice.amountDue()));
    }

    @Test
    void anInvoiceWithoutDueDatePrintsNoDueDateLine() throws IOException {
        SampleInvoice invoice = generator.missingDueDate(1);
        String text = text(generator.toPdf(invoice));
        assertThat(text).contains(invoice.invoiceNumber()).doesNotContain(invoice.layout().dueDateLabel());
    }

    @Test
    void anEncryptedPdfNeedsItsPassword() throws IOException {
        SampleInvoice invoice = generator.generate(1);
        byte[] encrypted = generator.toEncryptedPdf(invoice);
        assertThatThrownBy(() -> Loader.loadPDF(encrypted)).isInstanceOf(InvalidPasswordException.class);
        try (PDDocument document = Loader.loadPDF(encrypted, SampleInvoicePdf.USER_PASSWORD)) {
            assertThat(document.isEncrypted()).isTrue();
            assertThat(new PDFTextStripper().getText(document)).contains(invoice.invoiceNumber());
        }
    }

    @Test
    void aCorruptPdfCannotBeOpened() {
        byte[] corrupt = generator.toCorruptPdf(generator.generate(2));
        assertThat(new String(corrupt, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThatThrownBy(() -> {
            try (PDDocument document = Loader.loadPDF(corrupt)) {
                new PDFTextStripper().getText(document);
            }
        }).isInstanceOf(IOException.class);
    }

    @Test
    void aPngIsAPictureOfTheInvoice() throws IOException {
        byte[] png = generator.toPng(generator.generate(1));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(595);
        assertThat(image.getHeight()).isBetween(841, 842);
        assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }

    @Test
    void aLargePdfHasExactlyTheRequestedSizeAndStillReads(@TempDir Path dir) throws IOException {
        SampleInvoice invoice = generator.generate(4);
        for (long size : new long[] {20_000, 99_999, 1_000_000, 3_145_729}) {
            Path file = dir.resolve("large-" + size + ".pdf");
            generator.writeLargePdf(invoice, size, file);
            assertThat(Files.size(file)).isEqualTo(size);
            try (PDDocument document = Loader.loadPDF(file.toFile())) {
                assertThat(document.getNumberOfPages()).isEqualTo(1);
                assertThat(new PDFTextStripper().getText(document)).contains(invoice.invoiceNumber());
            }
        }
    }

    @Test
    void aLargePdfStreamHoldsTheSameBytesAsTheFile(@TempDir Path dir) throws IOException {
        SampleInvoice invoice = generator.generate(5);
        long size = 3 * 65_536 + 1_234;
        Path file = dir.resolve("large.pdf");
        generator.writeLargePdf(invoice, size, file);

        byte[] streamed;
        try (java.io.InputStream in = generator.openLargePdf(invoice, size)) {
            streamed = in.readAllBytes();
        }

        assertThat(streamed).hasSize((int) size);
        assertThat(java.util.Arrays.mismatch(streamed, Files.readAllBytes(file))).as("first differing byte").isEqualTo(-1);
    }

    @Test
    void aLargePdfCannotBeSmallerThanTheInvoice(@TempDir Path dir) {
        assertThatThrownBy(() -> generator.writeLargePdf(generator.generate(1), 100, dir.resolve("tiny.pdf")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least");
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document);
        }
    }

    private static String pageText(PDDocument document, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(true);
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(document);
    }
}
