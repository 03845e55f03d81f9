package org.invoicepipeline.sandbox.output;

import java.io.IOException;
import java.io.OutputStream;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.invoicepipeline.sandbox.extraction.ExtractionOutcome;

/** The JSON output file: the rows as an array of objects, values as they are in the outcome. */
final class JsonRowsWriter {

    private final ObjectMapper mapper = new ObjectMapper()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .enable(SerializationFeature.INDENT_OUTPUT);

    void write(ExtractionOutcome outcome, OutputStream out) throws IOException {
        mapper.writeValue(out, outcome.rows());
    }
}
