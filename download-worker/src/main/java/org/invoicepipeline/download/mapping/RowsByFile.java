package org.invoicepipeline.download.mapping;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Assigns each extracted row to the source file it came from, through the row's {@code Source File} cell
 * ({@code "<session file name> (Page n)"}). When the extraction holds a single file every row is that file's,
 * even if the column was excluded. Rows that name no known file belong to none (they remain in the stored output
 * files).
 */
public final class RowsByFile {

    /** A row with its 1-based data row number in the extraction output. */
    public record NumberedRow(int rowNumber, Optional<String> sourceReference, Map<String, Object> values) {
    }

    private final Map<String, List<NumberedRow>> byFileName = new LinkedHashMap<>();

    private RowsByFile() {
    }

    /**
     * @param sessionFileNames the file names used in the upload session (unique within it)
     * @param rows             every row of the extraction, in output order
     */
    public static RowsByFile assign(Collection<String> sessionFileNames, List<Map<String, Object>> rows) {
        RowsByFile result = new RowsByFile();
        sessionFileNames.forEach(name -> result.byFileName.put(name, new ArrayList<>()));
        String onlyFile = sessionFileNames.size() == 1 ? sessionFileNames.iterator().next() : null;
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> values = rows.get(i);
            Object cell = values.get(ExtractionRows.SOURCE_FILE_COLUMN);
            Optional<String> reference = cell instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
            NumberedRow row = new NumberedRow(i + 1, reference, values);
            String fileName = reference.flatMap(SourceReference::parse)
                    .map(SourceReference::fileName)
                    .filter(result.byFileName::containsKey)
                    .orElse(onlyFile);
            if (fileName != null) {
                result.byFileName.get(fileName).add(row);
            }
        }
        return result;
    }

    /** The rows of one session file, in output order; empty when the file yielded none. */
    public List<NumberedRow> rowsOf(String sessionFileName) {
        return List.copyOf(byFileName.getOrDefault(sessionFileName, List.of()));
    }
}
