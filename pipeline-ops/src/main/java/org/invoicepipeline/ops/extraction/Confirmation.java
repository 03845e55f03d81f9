package org.invoicepipeline.ops.extraction;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;

import org.invoicepipeline.ops.ExitCodes;
import org.invoicepipeline.ops.OpsException;

/** Asks the operator before a destructive call; without an answer (no terminal, end of input) nothing is done. */
final class Confirmation {

    private Confirmation() {
    }

    static void require(boolean yes, String question, PrintWriter prompt, BufferedReader terminal) {
        if (yes) {
            return;
        }
        prompt.print(question + " [y/N] ");
        prompt.flush();
        String answer;
        try {
            answer = terminal.readLine();
        }
        catch (IOException e) {
            answer = null;
        }
        if (answer == null || !(answer.trim().toLowerCase(Locale.ROOT).equals("y")
                || answer.trim().toLowerCase(Locale.ROOT).equals("yes"))) {
            throw new OpsException(ExitCodes.NOT_CONFIRMED, "not confirmed: nothing done (answer y, or pass --yes)");
        }
    }
}
