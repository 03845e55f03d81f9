package org.invoicepipeline.sandbox.extraction;

/** The columns the API adds after the requested ones; either may be left out with {@code exclude_columns}. */
public enum SystemColumn {
    SOURCE_FILE("source_file", "Source File"),
    REVIEW_NEEDED("review_needed", "Review Needed");

    private final String wireValue;
    private final String columnName;

    SystemColumn(String wireValue, String columnName) {
        this.wireValue = wireValue;
        this.columnName = columnName;
    }

    /** The {@code exclude_columns} value, e.g. {@code source_file}. */
    public String wireValue() {
        return wireValue;
    }

    /** The column header, e.g. {@code Source File}. */
    public String columnName() {
        return columnName;
    }

    /** Parses an {@code exclude_columns} value; throws {@link IllegalArgumentException} for anything else. */
    public static SystemColumn fromWire(String value) {
        for (SystemColumn column : values()) {
            if (column.wireValue.equals(value)) {
                return column;
            }
        }
        throw new IllegalArgumentException("Unknown system column: " + value);
    }
}
