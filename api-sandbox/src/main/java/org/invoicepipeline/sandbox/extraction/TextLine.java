package org.invoicepipeline.sandbox.extraction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One non-empty line of a document's text layer: its text with blanks collapsed, the column cells it is made
 * of (the reader separates cells with a tab where the layout leaves a wide gap), its page and its position.
 */
record TextLine(String text, List<String> cells, int page, int index) {

    private static final Pattern LINE_BREAK = Pattern.compile("\\R");
    private static final Pattern BLANKS = Pattern.compile("[ \\t\\u00A0]+");
    private static final Pattern CELL_GAP = Pattern.compile("\\t+");

    TextLine {
        cells = List.copyOf(cells);
    }

    /** Appends the non-empty lines of one page's text to {@code lines}. */
    static void addPage(List<TextLine> lines, String pageText, int page) {
        for (String raw : LINE_BREAK.split(pageText)) {
            String text = collapse(raw);
            if (text.isEmpty()) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            Arrays.stream(CELL_GAP.split(raw.strip())).map(TextLine::collapse).filter(cell -> !cell.isEmpty())
                    .forEach(cells::add);
            lines.add(new TextLine(text, cells, page, lines.size()));
        }
    }

    private static String collapse(String text) {
        return BLANKS.matcher(text).replaceAll(" ").strip();
    }
}
