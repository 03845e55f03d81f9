package org.invoicepipeline.samples;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A small A4 text canvas over PDFBox for the corpus layouts: text left- or right-aligned at a position, a
 * cursor moving down the page, new pages on demand, a footer on every page. Not thread-safe; one per PDF.
 */
final class PdfCanvas implements AutoCloseable {

    static final float LEFT = 50;
    static final float RIGHT = 545;
    static final float TOP = 790;
    static final float BOTTOM = 90;

    final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final PDDocument document = new PDDocument();
    private final List<PDPageContentStream> streams = new ArrayList<>();
    private PDPageContentStream content;
    /** The current line's baseline; callers move it down. */
    float y;

    PdfCanvas() {
        newPage();
    }

    void newPage() {
        try {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            streams.add(content);
            y = TOP;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a new page when fewer than {@code lines} lines of {@code height} fit above the bottom margin. */
    void ensureRoom(int lines, float height) {
        if (y - lines * height < BOTTOM) {
            newPage();
        }
    }

    void text(boolean strong, float size, float x, String text) {
        write(content, strong ? bold : regular, size, x, y, text);
    }

    void right(boolean strong, float size, float rightEdge, String text) {
        PDType1Font font = strong ? bold : regular;
        write(content, font, size, rightEdge - width(font, size, text), y, text);
    }

    void down(float by) {
        y -= by;
    }

    void rule() {
        try {
            content.moveTo(LEFT, y);
            content.lineTo(RIGHT, y);
            content.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code footer} at the bottom of every page (and "Page n of m" when there are several). */
    void footers(String footer) {
        int pages = streams.size();
        for (int i = 0; i < pages; i++) {
            if (footer != null) {
                write(streams.get(i), regular, 7.5f, LEFT, 40, footer);
            }
            if (pages > 1) {
                String pageNumber = "Page " + (i + 1) + " of " + pages;
                write(streams.get(i), regular, 8, RIGHT - width(regular, 8, pageNumber), 56, pageNumber);
            }
        }
    }

    PDDocument document() {
        return document;
    }

    /** Closes the page streams and saves the PDF (fixed document id: same input, same bytes). */
    byte[] toBytes() {
        try {
            for (PDPageContentStream stream : streams) {
                stream.close();
            }
            streams.clear();
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves a document with a fixed document id, so the same content always gives the same bytes. */
    static byte[] save(PDDocument document) throws IOException {
        COSArray id = new COSArray();
        id.add(new COSString("invoice-samples".getBytes(StandardCharsets.US_ASCII)));
        id.add(new COSString("invoice-samples".getBytes(StandardCharsets.US_ASCII)));
        document.getDocument().setDocumentID(id);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out, CompressParameters.DEFAULT_COMPRESSION);
        return out.toByteArray();
    }

    @Override
    public void close() {
        try {
            for (PDPageContentStream stream : streams) {
                stream.close();
            }
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static float width(PDType1Font font, float size, String text) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(PDPageContentStream stream, PDType1Font font, float size, float x, float atY, String text) {
        try {
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(x, atY);
            stream.showText(text);
            stream.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
