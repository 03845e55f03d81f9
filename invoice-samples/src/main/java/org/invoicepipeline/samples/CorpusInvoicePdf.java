package org.invoicepipeline.samples;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Prints invoices in the corpus layouts of {@link CorpusVariant}, each showing its values the way real invoices
 * do in that style. Stateless; the same invoice and variant always give the same bytes.
 */
final class CorpusInvoicePdf {

    private static final float LINE = 15;
    private static final float LABEL_X = 330;
    private static final DateTimeFormatter US_LONG = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter UK_LONG = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DUTCH = DateTimeFormatter.ofPattern("dd-MM-yyyy", Locale.ROOT);
    private static final DateTimeFormatter GERMAN_LONG = DateTimeFormatter.ofPattern("d. MMMM yyyy", Locale.GERMAN);
    private static final DateTimeFormatter GERMAN_SHORT = DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.ROOT);
    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);

    private final SampleInvoicePdf standard = new SampleInvoicePdf();

    byte[] labelsAbove(SampleInvoice invoice) {
        try (PdfCanvas pdf = new PdfCanvas()) {
            pdf.text(true, 20, PdfCanvas.LEFT, "INVOICE");
            pdf.down(28);
            party(pdf, invoice.vendorName(), true);
            pdf.down(LINE);
            stacked(pdf, "Invoice number", invoice.invoiceNumber());
            stacked(pdf, "Invoice date", US_LONG.format(invoice.issueDate()));
            stacked(pdf, "Due date", US_LONG.format(invoice.dueDate()));
            pdf.text(true, 9, PdfCanvas.LEFT, "Bill to");
            pdf.down(13);
            party(pdf, invoice.buyerName(), false);
            pdf.down(LINE);
            table(pdf, invoice.lineItems(), english(), "Description", "Qty", "Unit price", "Amount");
            total(pdf, "Subtotal", code(invoice, invoice.netAmount()));
            total(pdf, "Tax (" + rate(invoice) + "%)", code(invoice, invoice.taxAmount()));
            total(pdf, "Balance due", code(invoice, invoice.totalAmount()));
            pdf.footers(null);
            return pdf.toBytes();
        }
    }

    /** {@code withDueDate} false prints "On receipt" under the due date header (a label without a date). */
    byte[] columns(SampleInvoice invoice, boolean withDueDate) {
        try (PdfCanvas pdf = new PdfCanvas()) {
            pdf.text(true, 16, PdfCanvas.LEFT, invoice.vendorName());
            pdf.right(true, 16, PdfCanvas.RIGHT, "INVOICE");
            pdf.down(LINE);
            for (String line : SampleParties.addressOf(invoice.vendorName())) {
                pdf.text(false, 10, PdfCanvas.LEFT, line);
                pdf.down(13);
            }
            pdf.down(LINE);
            pdf.text(true, 9, PdfCanvas.LEFT, "Invoice No.");
            pdf.text(true, 9, 230, "Invoice Date");
            pdf.text(true, 9, 400, "Due Date");
            pdf.down(13);
            pdf.text(false, 10, PdfCanvas.LEFT, invoice.invoiceNumber());
            pdf.text(false, 10, 230, UK_LONG.format(invoice.issueDate()));
            pdf.text(false, 10, 400, withDueDate ? UK_LONG.format(invoice.dueDate()) : "On receipt");
            pdf.down(2 * LINE);
            pdf.text(true, 9, PdfCanvas.LEFT, "Bill To:");
            pdf.text(true, 9, 300, "Ship To:");
            pdf.down(13);
            pdf.text(false, 10, PdfCanvas.LEFT, invoice.buyerName());
            pdf.text(false, 10, 300, invoice.buyerName() + " (Goods In)");
            pdf.down(13);
            List<String> address = SampleParties.addressOf(invoice.buyerName());
            for (String line : address) {
                pdf.text(false, 10, PdfCanvas.LEFT, line);
                pdf.text(false, 10, 300, line);
                pdf.down(13);
            }
            pdf.down(LINE);
            table(pdf, invoice.lineItems(), english(), "Description", "Qty", "Unit Price", "Amount");
            total(pdf, "Total excl. VAT", symbol(invoice, invoice.netAmount()));
            total(pdf, "VAT " + rate(invoice) + "%", symbol(invoice, invoice.taxAmount()));
            total(pdf, "Total (incl. VAT)", symbol(invoice, invoice.totalAmount()));
            pdf.footers(null);
            return pdf.toBytes();
        }
    }

    byte[] dutch(SampleInvoice invoice) {
        try (PdfCanvas pdf = new PdfCanvas()) {
            pdf.text(true, 16, PdfCanvas.LEFT, invoice.vendorName());
            pdf.right(true, 16, PdfCanvas.RIGHT, "FACTUUR");
            pdf.down(LINE);
            for (String line : SampleParties.addressOf(invoice.vendorName())) {
                pdf.text(false, 10, PdfCanvas.LEFT, line);
                pdf.down(13);
            }
            pdf.down(LINE);
            pdf.text(true, 9, PdfCanvas.LEFT, "Factuuradres");
            pdf.text(true, 9, 300, "Afleveradres");
            pdf.down(13);
            pdf.text(false, 10, PdfCanvas.LEFT, invoice.buyerName());
            pdf.text(false, 10, 300, invoice.buyerName());
            pdf.down(13);
            for (String line : SampleParties.addressOf(invoice.buyerName())) {
                pdf.text(false, 10, PdfCanvas.LEFT, line);
                pdf.text(false, 10, 300, line);
                pdf.down(13);
            }
            pdf.down(LINE);
            field(pdf, "Factuurnummer:", invoice.invoiceNumber());
            field(pdf, "Factuurdatum:", DUTCH.format(invoice.issueDate()));
            field(pdf, "Vervaldatum:", DUTCH.format(invoice.dueDate()));
            pdf.down(LINE);
            table(pdf, invoice.lineItems(), european(), "Omschrijving", "Aantal", "Prijs", "Bedrag");
            total(pdf, "Subtotaal", "€ " + european().format(invoice.netAmount()));
            total(pdf, "BTW " + rate(invoice) + "%", "€ " + european().format(invoice.taxAmount()));
            total(pdf, "Te betalen", "€ " + european().format(invoice.totalAmount()));
            pdf.footers(invoice.vendorName() + " · KvK 12345678 · BTW NL123456789B01 · IBAN NL91 ABNA 0417 1643 00");
            return pdf.toBytes();
        }
    }

    byte[] german(SampleInvoice invoice) {
        try (PdfCanvas pdf = new PdfCanvas()) {
            List<String> vendorAddress = SampleParties.addressOf(invoice.vendorName());
            pdf.text(false, 7.5f, PdfCanvas.LEFT, invoice.vendorName() + " · " + String.join(" · ", vendorAddress));
            pdf.down(20);
            party(pdf, invoice.buyerName(), false);
            pdf.down(2 * LINE);
            pdf.text(true, 16, PdfCanvas.LEFT, "RECHNUNG");
            pdf.down(24);
            field(pdf, "Rechnungsnummer:", invoice.invoiceNumber());
            field(pdf, "Rechnungsdatum:", GERMAN_LONG.format(invoice.issueDate()));
            field(pdf, "Fällig am:", GERMAN_SHORT.format(invoice.dueDate()));
            field(pdf, "Kundennummer:", "K-" + (1000 + Math.floorMod(invoice.buyerName().hashCode(), 9000)));
            pdf.down(LINE);
            table(pdf, invoice.lineItems(), european(), "Beschreibung", "Menge", "Einzelpreis", "Betrag");
            total(pdf, "Nettobetrag", european().format(invoice.netAmount()) + " €");
            total(pdf, "MwSt. " + rate(invoice) + " %", european().format(invoice.taxAmount()) + " €");
            total(pdf, "Gesamtbetrag", european().format(invoice.totalAmount()) + " €");
            pdf.footers(invoice.vendorName() + " · Geschäftsführer: Anna Schmidt · Amtsgericht Berlin HRB 123456 · "
                    + "USt-IdNr. DE123456789");
            return pdf.toBytes();
        }
    }

    /** {@code withFooter} false leaves out the legal footer: then nothing but the layout tells the issuer. */
    byte[] letterhead(SampleInvoice invoice, boolean withFooter) {
        try (PdfCanvas pdf = new PdfCanvas()) {
            pdf.text(true, 18, PdfCanvas.LEFT, "PAYMENT RECEIPT");
            pdf.right(true, 12, PdfCanvas.RIGHT, invoice.vendorName());
            pdf.down(14);
            for (String line : SampleParties.addressOf(invoice.vendorName())) {
                pdf.right(false, 9, PdfCanvas.RIGHT, line);
                pdf.down(12);
            }
            pdf.down(LINE);
            party(pdf, invoice.buyerName(), true);
            pdf.down(LINE);
            field(pdf, "Invoice number:", invoice.invoiceNumber());
            field(pdf, "Date:", SLASHED.format(invoice.issueDate()));
            field(pdf, "Payment due:", SLASHED.format(invoice.dueDate()));
            pdf.down(6);
            pdf.text(true, 10, PdfCanvas.LEFT, "Ship To:");
            pdf.down(LINE);
            pdf.text(true, 10, PdfCanvas.LEFT, "Address:");
            pdf.down(2 * LINE);
            table(pdf, invoice.lineItems(), english(), "Description", "Qty", "Unit Price", "Amount");
            total(pdf, "Subtotal", symbol(invoice, invoice.netAmount()));
            total(pdf, "VAT (" + rate(invoice) + "%)", symbol(invoice, invoice.taxAmount()));
            total(pdf, "Total paid", symbol(invoice, invoice.totalAmount()));
            pdf.footers(withFooter
                    ? invoice.vendorName() + " · Registered in England and Wales No. 08123456 · VAT No. GB 123 4567 89"
                    : null);
            return pdf.toBytes();
        }
    }

    /** Line items split after {@code firstSection}; {@code withNetTotal} prints the net total after the sections. */
    byte[] sections(SampleInvoice invoice, int firstSection, boolean withNetTotal) {
        try (PdfCanvas pdf = new PdfCanvas()) {
            pdf.text(true, 20, PdfCanvas.LEFT, "INVOICE");
            pdf.down(30);
            field(pdf, "Supplier:", invoice.vendorName());
            field(pdf, "Invoice Number:", invoice.invoiceNumber());
            field(pdf, "Invoice Date:", UK_LONG.format(invoice.issueDate()));
            field(pdf, "Due Date:", UK_LONG.format(invoice.dueDate()));
            field(pdf, "Bill To:", invoice.buyerName());
            pdf.down(LINE);
            List<List<SampleLineItem>> sections = List.of(invoice.lineItems().subList(0, firstSection),
                    invoice.lineItems().subList(firstSection, invoice.lineItems().size()));
            String[] names = {"Services", "Goods and materials"};
            for (int s = 0; s < sections.size(); s++) {
                pdf.ensureRoom(4, LINE);
                pdf.text(true, 11, PdfCanvas.LEFT, "Section " + (s + 1) + ": " + names[s]);
                pdf.down(LINE + 2);
                table(pdf, sections.get(s), english(), "Description", "Qty", "Unit Price", "Amount");
                BigDecimal subtotal = sections.get(s).stream().map(SampleLineItem::amount)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                total(pdf, "Subtotal " + names[s].split(" ")[0].toLowerCase(Locale.ROOT), symbol(invoice, subtotal));
                pdf.down(LINE);
            }
            if (withNetTotal) {
                total(pdf, "Net total", symbol(invoice, invoice.netAmount()));
            }
            total(pdf, "VAT (" + rate(invoice) + "%)", symbol(invoice, invoice.taxAmount()));
            total(pdf, "Total due", symbol(invoice, invoice.totalAmount()));
            pdf.footers(null);
            return pdf.toBytes();
        }
    }

    /**
     * Few labels the sandbox knows: the issuer only as a bare first line, the number as "Our ref.", the buyer
     * after "For the attention of", no due date, and a shipping charge so net and tax do not add up to the total.
     */
    byte[] sparseLabels(SampleInvoice invoice, BigDecimal shipping) {
        try (PdfCanvas pdf = new PdfCanvas()) {
            pdf.text(true, 14, PdfCanvas.LEFT, invoice.vendorName());
            pdf.down(30);
            pdf.text(true, 12, PdfCanvas.LEFT, "Statement of charges");
            pdf.down(22);
            pdf.text(false, 10, PdfCanvas.LEFT, "Our ref. " + invoice.invoiceNumber());
            pdf.down(LINE);
            pdf.text(false, 10, PdfCanvas.LEFT, "Issued " + UK_LONG.format(invoice.issueDate()));
            pdf.down(LINE);
            pdf.text(false, 10, PdfCanvas.LEFT, "For the attention of " + invoice.buyerName());
            pdf.down(2 * LINE);
            table(pdf, invoice.lineItems(), english(), "Description", "Qty", "Unit Price", "Amount");
            total(pdf, "Net", symbol(invoice, invoice.netAmount()));
            total(pdf, "VAT " + rate(invoice) + "%", symbol(invoice, invoice.taxAmount()));
            total(pdf, "Shipping", symbol(invoice, shipping));
            total(pdf, "Total", symbol(invoice, invoice.totalAmount().add(shipping)));
            pdf.down(LINE);
            pdf.text(false, 9, PdfCanvas.LEFT, "Payable within 30 days.");
            pdf.footers(null);
            return pdf.toBytes();
        }
    }

    byte[] minutes(SampleInvoice context) {
        try (PdfCanvas pdf = new PdfCanvas()) {
            pdf.text(true, 16, PdfCanvas.LEFT, "Minutes of the Finance Committee Meeting");
            pdf.down(26);
            String[] lines = {
                "Date: " + UK_LONG.format(context.issueDate()),
                "Location: Board room, " + SampleParties.addressOf(context.buyerName()).get(0),
                "Attendees: A. Jones (chair), B. Smith, C. Okafor, D. Novak",
                "Apologies: E. Larsen",
                "",
                "1. Minutes of the previous meeting were approved without changes.",
                "2. Budget review: the committee approved a budget of " + SampleInvoicePdf.amount(context.netAmount())
                        + " for the second quarter.",
                "3. Supplier review: " + context.vendorName() + " to present its service report next month.",
                "4. Any other business: none.",
                "",
                "Action items",
                "B. Smith to circulate the revised budget by " + UK_LONG.format(context.issueDate().plusDays(7)) + ".",
                "Next meeting: " + UK_LONG.format(context.issueDate().plusDays(28))};
            for (String line : lines) {
                if (!line.isEmpty()) {
                    pdf.text(line.equals("Action items"), 10, PdfCanvas.LEFT, line);
                }
                pdf.down(LINE);
            }
            pdf.footers(null);
            return pdf.toBytes();
        }
    }

    /** The standard PDF rendered at 72 dpi and placed as one image per page: a scan without a text layer. */
    byte[] scanned(SampleInvoice invoice) {
        try (PDDocument source = Loader.loadPDF(standard.toPdf(invoice)); PDDocument scan = new PDDocument()) {
            PDFRenderer renderer = new PDFRenderer(source);
            for (int number = 0; number < source.getNumberOfPages(); number++) {
                BufferedImage image = renderer.renderImageWithDPI(number, 72, ImageType.GRAY);
                PDPage page = new PDPage(PDRectangle.A4);
                scan.addPage(page);
                PDImageXObject picture = LosslessFactory.createFromImage(scan, image);
                try (PDPageContentStream stream = new PDPageContentStream(scan, page)) {
                    stream.drawImage(picture, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
                }
            }
            return PdfCanvas.save(scan);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] standard(SampleInvoice invoice) {
        return standard.toPdf(invoice);
    }

    private static void party(PdfCanvas pdf, String name, boolean strong) {
        pdf.text(strong, strong ? 14 : 11, PdfCanvas.LEFT, name);
        pdf.down(LINE);
        for (String line : SampleParties.addressOf(name)) {
            pdf.text(false, 10, PdfCanvas.LEFT, line);
            pdf.down(13);
        }
    }

    private static void stacked(PdfCanvas pdf, String label, String value) {
        pdf.text(true, 9, PdfCanvas.LEFT, label);
        pdf.down(13);
        pdf.text(false, 10, PdfCanvas.LEFT, value);
        pdf.down(LINE + 4);
    }

    private static void field(PdfCanvas pdf, String label, String value) {
        pdf.text(true, 10, PdfCanvas.LEFT, label);
        pdf.text(false, 10, 200, value);
        pdf.down(LINE);
    }

    private static void table(PdfCanvas pdf, List<SampleLineItem> items, DecimalFormat numbers, String... header) {
        pdf.ensureRoom(3, LINE);
        tableHeader(pdf, header);
        for (SampleLineItem item : items) {
            if (pdf.y < PdfCanvas.BOTTOM) {
                pdf.newPage();
                tableHeader(pdf, header);
            }
            pdf.text(false, 10, PdfCanvas.LEFT, item.description());
            pdf.right(false, 10, 380, item.quantity().stripTrailingZeros().toPlainString());
            pdf.right(false, 10, 450, numbers.format(item.unitPrice()));
            pdf.right(false, 10, PdfCanvas.RIGHT, numbers.format(item.amount()));
            pdf.down(LINE);
        }
        pdf.down(LINE / 2);
    }

    private static void tableHeader(PdfCanvas pdf, String... header) {
        pdf.text(true, 10, PdfCanvas.LEFT, header[0]);
        pdf.right(true, 10, 380, header[1]);
        pdf.right(true, 10, 450, header[2]);
        pdf.right(true, 10, PdfCanvas.RIGHT, header[3]);
        pdf.down(4);
        pdf.rule();
        pdf.down(LINE);
    }

    private static void total(PdfCanvas pdf, String label, String value) {
        pdf.ensureRoom(1, LINE);
        pdf.text(false, 10, LABEL_X, label);
        pdf.right(true, 10, PdfCanvas.RIGHT, value);
        pdf.down(LINE);
    }

    private static String rate(SampleInvoice invoice) {
        return invoice.taxRatePercent().stripTrailingZeros().toPlainString();
    }

    private static String code(SampleInvoice invoice, BigDecimal amount) {
        return invoice.currency() + " " + english().format(amount);
    }

    private static String symbol(SampleInvoice invoice, BigDecimal amount) {
        return SampleInvoicePdf.symbol(invoice.currency()) + english().format(amount);
    }

    private static DecimalFormat english() {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format;
    }

    /** 1.234,56: decimal comma, point thousands (Dutch and German invoices). */
    static DecimalFormat european() {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.GERMANY));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format;
    }
}
