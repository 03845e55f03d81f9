package org.invoicepipeline.sandbox.extraction;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What to extract and how to shape the rows: the submission's prompt, {@code output_structure} and the
 * options that affect rows, plus the answers given so far to the extraction's questions.
 */
public record ExtractionSpec(
        ExtractionPrompt prompt,
        OutputStructure outputStructure,
        boolean jsonTypedValues,
        Set<SystemColumn> excludedColumns,
        boolean askQuestions,
        List<Answer> answers) {

    public ExtractionSpec {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(outputStructure, "outputStructure");
        excludedColumns = excludedColumns.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(excludedColumns));
        answers = List.copyOf(answers);
    }

    public static Builder builder(ExtractionPrompt prompt) {
        return new Builder(prompt);
    }

    /** The same spec with more answers (appended after those already given). */
    public ExtractionSpec withAnswers(List<Answer> moreAnswers) {
        List<Answer> all = new ArrayList<>(answers);
        all.addAll(moreAnswers);
        return new ExtractionSpec(prompt, outputStructure, jsonTypedValues, excludedColumns, askQuestions, all);
    }

    /** Builder with the contract's defaults: automatic structure, untyped values, no exclusions, no questions. */
    public static final class Builder {
        private final ExtractionPrompt prompt;
        private OutputStructure outputStructure = OutputStructure.AUTOMATIC;
        private boolean jsonTypedValues;
        private Set<SystemColumn> excludedColumns = Set.of();
        private boolean askQuestions;
        private List<Answer> answers = List.of();

        private Builder(ExtractionPrompt prompt) {
            this.prompt = Objects.requireNonNull(prompt, "prompt");
        }

        public Builder outputStructure(OutputStructure outputStructure) {
            this.outputStructure = outputStructure;
            return this;
        }

        public Builder jsonTypedValues(boolean jsonTypedValues) {
            this.jsonTypedValues = jsonTypedValues;
            return this;
        }

        public Builder excludedColumns(Set<SystemColumn> excludedColumns) {
            this.excludedColumns = excludedColumns;
            return this;
        }

        public Builder askQuestions(boolean askQuestions) {
            this.askQuestions = askQuestions;
            return this;
        }

        public Builder answers(List<Answer> answers) {
            this.answers = answers;
            return this;
        }

        public ExtractionSpec build() {
            return new ExtractionSpec(prompt, outputStructure, jsonTypedValues, excludedColumns, askQuestions, answers);
        }
    }
}
