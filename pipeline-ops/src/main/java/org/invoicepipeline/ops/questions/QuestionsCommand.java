package org.invoicepipeline.ops.questions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code questions}: extractions waiting for answers. */
@Command(name = "questions", mixinStandardHelpOptions = true,
        description = "Questions of extractions waiting for answers (input_required): list them, answer them.",
        subcommands = {QuestionsListCommand.class, QuestionsAnswerCommand.class})
public class QuestionsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
