package org.invoicepipeline.samples;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Prints a {@link SampleInvoice} as a one- or multi-page A4 PDF with a real text layer (standard 14
 * Helvetica fonts), and derives the special files tests need: an encrypted PDF, a damaged PDF and a PNG
 * picture. Stateless and thread-safe; the same invoice always gives the same bytes (except encryption,
 * whose keys are random).
 */
public final class SampleInvoicePdf {

    /** The password needed to open {@link #toEncryptedPdf} output. */
    public static final String USER_PASSWORD = "open-sesame";

    private static final float LEFT = 50;
    private static final float VALUE_X = 200;
    private static final float RIGHT = 545;
    private static final float LINE = 16;
    private static final float BOTTOM = 90;
    private static final float TOTALS_LABEL_X = 330;


    /** The invoice as PDF bytes. */
    public byte[] toPdf(SampleInvoice invoice) {
        try (PDDocument document = layOut(invoice)) {
            return save(document, CompressParameters.DEFAULT_COMPRESSION);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The invoice as an uncompressed PDF with a classic cross-reference table (easy to append to). */
    byte[] toUncompressedPdf(SampleInvoice invoice) {
        try (PDDocument document = layOut(invoice)) {
            return save(document, CompressParameters.NO_COMPRESSION);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The invoice as a PDF that needs {@link #USER_PASSWORD} to open (AES-128). */
    public byte[] toEncryptedPdf(SampleInvoice invoice) {
        try (PDDocument document = layOut(invoice)) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-" + USER_PASSWORD, USER_PASSWORD,
                    new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A damaged copy of the invoice PDF: cut off after its first third (the page content, cross-reference
     * data and trailer are gone), as a broken download leaves it. PDF readers cannot open it.
     */
    public byte[] toCorruptPdf(SampleInvoice invoice) {
        byte[] pdf = toPdf(invoice);
        byte[] noise = "\n% transfer interrupted: the rest of the file is missing\n".getBytes(StandardCharsets.ISO_8859_1);
        int cut = pdf.length / 3;
        byte[] damaged = new byte[cut + noise.length];
        System.arraycopy(pdf, 0, damaged, 0, cut);
        System.arraycopy(noise, 0, damaged, cut, noise.length);
        return damaged;
    }

    /** A PNG picture of the invoice's first page (no text layer), at the given resolution. */
    public byte[] toPng(SampleInvoice invoice, int dpi) {
        try (PDDocument document = layOut(invoice)) {
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, dpi, ImageType.RGB);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PNG picture of the invoice's first page at 72 dpi. */
    public byte[] toPng(SampleInvoice invoice) {
        return toPng(invoice, 72);
    }

    private static byte[] save(PDDocument document, CompressParameters compression) throws IOException {
        // A fixed document id keeps the bytes the same run after run.
        COSArray id = new COSArray();
        id.add(new COSString("invoice-samples".getBytes(StandardCharsets.US_ASCII)));
        id.add(new COSString("invoice-samples".getBytes(StandardCharsets.US_ASCII)));
        document.getDocument().setDocumentID(id);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out, compression);
        return out.toByteArray();
    }

    private PDDocument layOut(SampleInvoice invoice) throws IOException {
        PDDocument document = new PDDocument();
        new Printer(document, invoice).print();
        return document;
    }

    /** Prints one invoice, adding pages as the line items need them. */
    private static final class Printer {
        private final PDDocument document;
        private final SampleInvoice invoice;
        private final SampleLayout layout;
        private final List<PDPageContentStream> streams = new ArrayList<>();
        // Fonts per document: a font object shared between documents would carry object numbers across them.
        private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        private PDPageContentStream content;
        private float y;

        Printer(PDDocument document, SampleInvoice invoice) {
            this.document = document;
            this.invoice = invoice;
            this.layout = invoice.layout();
        }

        void print() throws IOException {
            newPage();
            header();
            lineItems();
            totals();
            footers();
        }

        private void header() throws IOException {
            if (layout == SampleLayout.COMPACT) {
                text(bold, 16, LEFT, y, invoice.vendorName());
                rightText(bold, 16, RIGHT, y, "Invoice");
            } else {
                text(bold, 20, LEFT, y, layout == SampleLayout.MODERN ? "TAX INVOICE" : "INVOICE");
                y -= 28;
                text(bold, 14, LEFT, y, invoice.vendorName());
            }
            y -= LINE;
            for (String addressLine : SampleParties.addressOf(invoice.vendorName())) {
                text(regular, 10, LEFT, y, addressLine);
                y -= 13;
            }
            y -= LINE;
            field(layout.invoiceNumberLabel(), invoice.invoiceNumber());
            field(layout.issueDateLabel(), layout.format(invoice.issueDate()));
            if (invoice.dueDate() != null) {
                field(layout.dueDateLabel(), layout.format(invoice.dueDate()));
            }
            if (layout.vendorLabel() != null) {
                field(layout.vendorLabel(), invoice.vendorName());
            }
            field(layout.buyerLabel(), invoice.buyerName());
            for (String addressLine : SampleParties.addressOf(invoice.buyerName())) {
                text(regular, 10, VALUE_X, y, addressLine);
                y -= 13;
            }
            if (layout == SampleLayout.CLASSIC) {
                y -= 3;
                field("Currency:", invoice.currency());
            }
            y -= LINE;
        }

        private void lineItems() throws IOException {
            tableHeader();
            for (SampleLineItem item : invoice.lineItems()) {
                if (y < BOTTOM) {
                    text(regular, 9, LEFT, 60, "Continued on the next page");
                    newPage();
                    tableHeader();
                }
                text(regular, 10, LEFT, y, item.description());
                String quantity = item.quantity().stripTrailingZeros().toPlainString();
                String unitPrice = amount(item.unitPrice());
                if (layout == SampleLayout.COMPACT) {
                    rightText(regular, 10, 380, y, unitPrice);
                    rightText(regular, 10, 450, y, quantity);
                } else {
                    rightText(regular, 10, 380, y, quantity);
                    rightText(regular, 10, 450, y, unitPrice);
                }
                rightText(regular, 10, RIGHT, y, amount(item.amount()));
                y -= LINE;
            }
        }

        private void tableHeader() throws IOException {
            String[] names = switch (layout) {
                case CLASSIC -> new String[] {"Description", "Qty", "Unit Price", "Amount"};
                case MODERN -> new String[] {"Item", "Quantity", "Rate", "Line Total"};
                case COMPACT -> new String[] {"Description", "Unit price", "Qty", "Amount"};
            };
            text(bold, 10, LEFT, y, names[0]);
            rightText(bold, 10, 380, y, names[1]);
            rightText(bold, 10, 450, y, names[2]);
            rightText(bold, 10, RIGHT, y, names[3]);
            y -= 4;
            content.moveTo(LEFT, y);
            content.lineTo(RIGHT, y);
            content.stroke();
            y -= LINE;
        }

        private void totals() throws IOException {
            int lines = invoice.hasTwoTotals() ? 6 : 4;
            if (y - lines * LINE < BOTTOM - 30) {
                newPage();
            }
            y -= LINE / 2;
            total(layout.netLabel(), money(invoice.netAmount()), false);
            String rate = invoice.taxRatePercent().stripTrailingZeros().toPlainString();
            total(layout.taxLabel() + " (" + rate + "%)", money(invoice.taxAmount()), false);
            if (invoice.hasTwoTotals()) {
                total(layout == SampleLayout.COMPACT ? "Invoice total" : layout.totalLabel(),
                        money(invoice.totalAmount()), true);
                total("Less deposit paid", money(invoice.deposit()), false);
                total("Amount due", money(invoice.amountDue()), true);
            } else {
                total(layout.totalLabel(), money(invoice.totalAmount()), true);
            }
            if (layout == SampleLayout.COMPACT) {
                y -= LINE / 2;
                text(regular, 9, TOTALS_LABEL_X, y, "All amounts in " + invoice.currency());
                y -= LINE;
            }
            y -= LINE;
            if (invoice.dueDate() != null) {
                long days = invoice.dueDate().toEpochDay() - invoice.issueDate().toEpochDay();
                text(regular, 9, LEFT, y, "Payment terms: " + days + " days. Thank you for your business.");
            } else {
                text(regular, 9, LEFT, y, "Thank you for your business.");
            }
        }

        private void total(String label, String value, boolean strong) throws IOException {
            text(strong ? bold : regular, 10, TOTALS_LABEL_X, y, label);
            rightText(strong ? bold : regular, 10, RIGHT, y, value);
            y -= LINE;
        }

        private void field(String label, String value) throws IOException {
            text(bold, 10, LEFT, y, label);
            text(regular, 10, VALUE_X, y, value);
            y -= LINE;
        }

        private void footers() throws IOException {
            int pages = streams.size();
            for (int i = 0; i < pages; i++) {
                PDPageContentStream stream = streams.get(i);
                if (pages > 1) {
                    write(stream, regular, 9, RIGHT - regular.getStringWidth("Page " + (i + 1) + " of " + pages) / 1000 * 9,
                            40, "Page " + (i + 1) + " of " + pages);
                }
                stream.close();
            }
        }

        private void newPage() throws IOException {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            streams.add(content);
            y = 790;
        }

        private String money(BigDecimal value) {
            return switch (layout) {
                case CLASSIC -> symbol(invoice.currency()) + amount(value);
                case MODERN -> invoice.currency() + " " + amount(value);
                case COMPACT -> amount(value);
            };
        }

        private void text(PDType1Font font, float size, float x, float atY, String text) throws IOException {
            write(content, font, size, x, atY, text);
        }

        private void rightText(PDType1Font font, float size, float right, float atY, String text) throws IOException {
            write(content, font, size, right - font.getStringWidth(text) / 1000 * size, atY, text);
        }

        private void write(PDPageContentStream stream, PDType1Font font, float size, float x, float atY,
                String text) throws IOException {
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(x, atY);
            stream.showText(text);
            stream.endText();
        }
    }

    /** An amount as printed: thousands separators and 2 decimals, e.g. {@code 1,234.50}. */
    public static String amount(BigDecimal value) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        return format.format(value.setScale(2, RoundingMode.HALF_UP));
    }

    static String symbol(String currency) {
        return switch (currency) {
            case "GBP" -> "£";
            case "EUR" -> "€";
            case "USD" -> "$";
            default -> currency + " ";
        };
    }
}
