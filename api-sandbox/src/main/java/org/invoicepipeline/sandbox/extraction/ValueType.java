package org.invoicepipeline.sandbox.extraction;

/** What kind of value a column holds; decides JSON typing and XLSX cell types. */
public enum ValueType {
    /** Text; a JSON string. */
    TEXT,
    /** An amount, quantity or rate; a JSON number ({@link java.math.BigDecimal}) when typed, a numeric XLSX cell. */
    NUMBER,
    /** A calendar date; always the string {@code YYYY-MM-DD}. */
    DATE
}
