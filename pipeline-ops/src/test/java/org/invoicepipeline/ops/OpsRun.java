package org.invoicepipeline.ops;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Runs {@code pipeline-ops} in this JVM as an operator would, capturing stdout, stderr and the exit code. */
record OpsRun(List<String> args, int exitCode, String out, String err) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param connection the connection options (left out of the transcript, as an operator has them in the
     *                   environment)
     */
    static OpsRun run(Function<String, String> environment, String terminalInput, List<String> connection,
                      String... command) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(connection);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PipelineOps.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err),
                new BufferedReader(new StringReader(terminalInput)), environment, Instant::now);
        return new OpsRun(List.of(command), code, out.toString(), err.toString());
    }

    JsonNode json() {
        try {
            return JSON.readTree(out);
        }
        catch (Exception e) {
            throw new AssertionError("not JSON: " + out, e);
        }
    }

    /** As a shell transcript: the command, its output, its exit code. */
    String transcript() {
        return "$ pipeline-ops " + String.join(" ", args) + "\n" + out + err + "(exit " + exitCode + ")\n\n";
    }
}
