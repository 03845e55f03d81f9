package org.invoicepipeline.ops.extraction;

import java.util.concurrent.Callable;

import org.invoicepipeline.client.model.CancellationResult;
import org.invoicepipeline.ops.ExitCodes;
import org.invoicepipeline.ops.OpsCommand;
import org.invoicepipeline.ops.OpsContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code extraction cancel ID}. */
@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = {"Cancel a running extraction (processing or waiting for answers). The work done so far is"
                + " charged; the poll stage then publishes CANCELLED results (CANCELLED_USER) for its files."})
public class ExtractionCancelCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "EXTRACTION_ID", description = "The API's extraction id.")
    String extractionId;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.")
    boolean yes;

    @Override
    public Integer call() {
        OpsContext context = OpsCommand.context(spec);
        Confirmation.require(yes, "Cancel extraction " + extractionId + "?", spec.commandLine().getOut(),
                context.terminal());
        CancellationResult result = context.api().cancelExtraction(extractionId);
        context.output().emit(result, r -> "cancelled extraction " + extractionId + ": " + r + "\n");
        return ExitCodes.OK;
    }
}
