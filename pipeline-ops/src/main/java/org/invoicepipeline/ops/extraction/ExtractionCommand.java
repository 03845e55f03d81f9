package org.invoicepipeline.ops.extraction;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code extraction}: act on one extraction at the API. */
@Command(name = "extraction", mixinStandardHelpOptions = true,
        description = "Cancel a running extraction, or delete an extraction's data (retention).",
        subcommands = {ExtractionCancelCommand.class, ExtractionDeleteCommand.class})
public class ExtractionCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
