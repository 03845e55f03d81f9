package org.invoicepipeline.sandbox.engine;

import java.util.List;
import java.util.Map;

import org.invoicepipeline.sandbox.document.ReadDocument;
import org.invoicepipeline.sandbox.extraction.ExtractionOutcome;
import org.invoicepipeline.sandbox.extraction.ExtractionSpec;
import org.invoicepipeline.sandbox.output.OutputFormat;

/**
 * What the processing engine needs from the document side: read a file, extract rows, render the
 * output files. The engine owns timing, credits and status; this owns the content.
 */
public interface DocumentPipeline {

    ReadDocument read(String fileName, byte[] content);

    ExtractionOutcome extract(List<ReadDocument> documents, ExtractionSpec spec);

    Map<OutputFormat, byte[]> render(ExtractionOutcome outcome, ExtractionOptions options);
}
