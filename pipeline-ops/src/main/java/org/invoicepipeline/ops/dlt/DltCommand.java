package org.invoicepipeline.ops.dlt;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code dlt}: the dead-letter topics. */
@Command(name = "dlt", mixinStandardHelpOptions = true,
        description = "Dead letters: count them, show one decoded, replay them once the cause is fixed.",
        subcommands = {DltListCommand.class, DltShowCommand.class, DltReplayCommand.class})
public class DltCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
