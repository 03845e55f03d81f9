package org.invoicepipeline.sandbox.extraction;

/** The invoice fields the sandbox can recognise in a document's text, with their default column names. */
public enum InvoiceField {
    INVOICE_NUMBER("Invoice Number", ValueType.TEXT, false),
    ISSUE_DATE("Invoice Date", ValueType.DATE, false),
    DUE_DATE("Due Date", ValueType.DATE, false),
    VENDOR_NAME("Vendor Name", ValueType.TEXT, false),
    BUYER_NAME("Buyer Name", ValueType.TEXT, false),
    CURRENCY("Currency", ValueType.TEXT, false),
    NET_AMOUNT("Net Amount", ValueType.NUMBER, false),
    TAX_AMOUNT("Tax Amount", ValueType.NUMBER, false),
    TOTAL_AMOUNT("Total Amount", ValueType.NUMBER, false),
    LINE_DESCRIPTION("Line Item Description", ValueType.TEXT, true),
    LINE_QUANTITY("Line Item Quantity", ValueType.NUMBER, true),
    LINE_UNIT_PRICE("Line Item Unit Price", ValueType.NUMBER, true),
    LINE_AMOUNT("Line Item Amount", ValueType.NUMBER, true);

    private final String columnName;
    private final ValueType valueType;
    private final boolean lineItem;

    InvoiceField(String columnName, ValueType valueType, boolean lineItem) {
        this.columnName = columnName;
        this.valueType = valueType;
        this.lineItem = lineItem;
    }

    /** The column name used when a sentence prompt names this field. */
    public String columnName() {
        return columnName;
    }

    public ValueType valueType() {
        return valueType;
    }

    /** A field of a line item rather than of the whole invoice. */
    public boolean lineItem() {
        return lineItem;
    }
}
