package org.invoicepipeline.sandbox.extraction;

import org.invoicepipeline.sandbox.document.ReadDocument;

/** A readable document and what was recognised in it ({@code invoice} is null for an image or a scan without text). */
record RowSource(ReadDocument document, RecognizedInvoice invoice) {

    boolean ambiguousTotal() {
        return invoice != null && invoice.ambiguousTotal();
    }
}
