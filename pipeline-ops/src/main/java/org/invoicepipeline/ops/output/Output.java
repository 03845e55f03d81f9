package org.invoicepipeline.ops.output;

import java.io.PrintWriter;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Where a command's answer goes: a human text by default, the answer object as one JSON document with
 * {@code --json} (for scripts: records become objects, instants ISO-8601 strings).
 */
public final class Output {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final PrintWriter out;
    private final boolean json;

    public Output(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    public boolean json() {
        return json;
    }

    /** Prints {@code answer}: as JSON, or as the text {@code human} makes of it. */
    public <T> void emit(T answer, Function<T, String> human) {
        if (json) {
            try {
                out.println(JSON.writeValueAsString(answer));
            }
            catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write the answer as JSON", e);
            }
        }
        else {
            out.print(human.apply(answer));
        }
        out.flush();
    }

    /** A line for the operator (human mode only; JSON output stays one document). */
    public void note(String line) {
        if (!json) {
            out.println(line);
            out.flush();
        }
    }
}
