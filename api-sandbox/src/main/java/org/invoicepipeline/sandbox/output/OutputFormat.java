package org.invoicepipeline.sandbox.output;

import java.util.Locale;

/** The output file formats, with the {@code format} value, file extension and content type of each. */
public enum OutputFormat {
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    CSV("text/csv; charset=utf-8"),
    JSON("application/json");

    private final String contentType;

    OutputFormat(String contentType) {
        this.contentType = contentType;
    }

    /** The API's {@code format} value and the file extension: {@code xlsx}, {@code csv}, {@code json}. */
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String contentType() {
        return contentType;
    }

    /** Parses {@code xlsx}, {@code csv} or {@code json}; throws {@link IllegalArgumentException} otherwise. */
    public static OutputFormat fromWire(String value) {
        for (OutputFormat format : values()) {
            if (format.wireValue().equals(value)) {
                return format;
            }
        }
        throw new IllegalArgumentException("Unknown output format: " + value);
    }
}
