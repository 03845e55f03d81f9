package org.invoicepipeline.sandbox.engine;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.invoicepipeline.sandbox.document.DocumentReader;
import org.invoicepipeline.sandbox.document.ReadDocument;
import org.invoicepipeline.sandbox.extraction.ExtractionOutcome;
import org.invoicepipeline.sandbox.extraction.ExtractionSpec;
import org.invoicepipeline.sandbox.extraction.RowExtractor;
import org.invoicepipeline.sandbox.output.FillColor;
import org.invoicepipeline.sandbox.output.OutputFormat;
import org.invoicepipeline.sandbox.output.OutputOptions;
import org.invoicepipeline.sandbox.output.OutputRenderer;

/** The engine's view of the document packages: PDFBox reading, row extraction and output rendering. */
public final class StandardDocumentPipeline implements DocumentPipeline {

    private final DocumentReader reader = new DocumentReader();
    private final RowExtractor extractor = new RowExtractor();
    private final OutputRenderer renderer = new OutputRenderer();

    @Override
    public ReadDocument read(String fileName, byte[] content) {
        return reader.read(fileName, content);
    }

    @Override
    public ExtractionOutcome extract(List<ReadDocument> documents, ExtractionSpec spec) {
        return extractor.extract(spec, documents);
    }

    @Override
    public Map<OutputFormat, byte[]> render(ExtractionOutcome outcome, ExtractionOptions options) {
        OutputOptions fills = new OutputOptions(FillColor.fromWire(options.reviewNeededFillColor()),
                FillColor.fromWire(options.affectedFieldFillColor()));
        Map<OutputFormat, byte[]> files = new EnumMap<>(OutputFormat.class);
        for (OutputFormat format : OutputFormat.values()) {
            files.put(format, renderer.render(outcome, format, fills));
        }
        return files;
    }
}
