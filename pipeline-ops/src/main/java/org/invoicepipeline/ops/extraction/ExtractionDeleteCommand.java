package org.invoicepipeline.ops.extraction;

import java.util.Map;
import java.util.concurrent.Callable;

import org.invoicepipeline.ops.ExitCodes;
import org.invoicepipeline.ops.OpsCommand;
import org.invoicepipeline.ops.OpsContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code extraction delete ID}. */
@Command(name = "delete", mixinStandardHelpOptions = true,
        description = {"Delete a finished extraction's data at the API (rows, output files, uploaded documents) before"
                + " its 90-day retention ends. The pipeline's stored outputs are not touched."})
public class ExtractionDeleteCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "EXTRACTION_ID", description = "The API's extraction id.")
    String extractionId;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.")
    boolean yes;

    @Override
    public Integer call() {
        OpsContext context = OpsCommand.context(spec);
        Confirmation.require(yes, "Delete extraction " + extractionId + " and its data at the API?",
                spec.commandLine().getOut(), context.terminal());
        context.api().deleteExtraction(extractionId);
        context.output().emit(Map.of("deleted", extractionId), r -> "deleted extraction " + extractionId + "\n");
        return ExitCodes.OK;
    }
}
