package org.invoicepipeline.sandbox.document;

import java.io.IOException;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * A {@link PDFTextStripper} that keeps the layout's columns: words separated by a wide horizontal gap (a
 * label and its value in another column, a "Bill To" and a "Ship To" block side by side) are joined with a
 * tab ({@link #COLUMN_GAP}) instead of a space, so the recognizer can tell "Invoice Date 15 Jan 2026" from
 * two column cells. Not thread-safe (one per reading, like PDFTextStripper).
 */
final class ColumnTextStripper extends PDFTextStripper {

    /** What separates two column cells on a line of the text layer. */
    static final String COLUMN_GAP = "\t";

    /** A gap wider than this many spaces of the font is a column gap. */
    private static final float SPACES_PER_COLUMN_GAP = 3.5f;

    private float lastEnd = Float.NaN;

    ColumnTextStripper() {
        setSortByPosition(true);
        // Separators are written by writeString, which knows the gap between the two words.
        setWordSeparator("");
    }

    @Override
    protected void startPage(PDPage page) throws IOException {
        lastEnd = Float.NaN;
        super.startPage(page);
    }

    @Override
    protected void writeLineSeparator() throws IOException {
        lastEnd = Float.NaN;
        super.writeLineSeparator();
    }

    @Override
    protected void writeString(String text, List<TextPosition> positions) throws IOException {
        if (positions.isEmpty()) {
            super.writeString(text, positions);
            return;
        }
        TextPosition first = positions.get(0);
        if (!Float.isNaN(lastEnd)) {
            float gap = first.getXDirAdj() - lastEnd;
            float space = first.getWidthOfSpace() > 0 ? first.getWidthOfSpace() : first.getFontSizeInPt() * 0.28f;
            writeString(gap > SPACES_PER_COLUMN_GAP * space ? COLUMN_GAP : " ");
        }
        TextPosition last = positions.get(positions.size() - 1);
        lastEnd = last.getXDirAdj() + last.getWidthDirAdj();
        super.writeString(text, positions);
    }
}
