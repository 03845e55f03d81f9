package org.invoicepipeline.common.profile;

import org.invoicepipeline.client.model.ExtractionOptions;
import org.invoicepipeline.client.model.OutputStructure;
import org.invoicepipeline.client.model.Prompt;
import org.invoicepipeline.client.model.PromptField;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The named extraction profiles under {@code pipeline.profiles.<name>.*}: what to extract and how. A
 * FileRegistered names its profile; the submit stage turns it into the request ({@link SubmissionRequests}),
 * the poll stage resubmits with the same request and reads the answer policy. Shared by every stage so one
 * configuration describes a profile once.
 */
@ConfigurationProperties("pipeline")
public class ExtractionProfiles {

    /** The key of {@code setting} (e.g. {@code task-name}) of the profile called {@code name}. */
    public static String profileKey(String name, String setting) {
        return "pipeline.profiles." + name + "." + setting;
    }

    /** Profiles by name. */
    private Map<String, Profile> profiles = new LinkedHashMap<>();

    public Map<String, Profile> getProfiles() {
        return profiles;
    }

    public void setProfiles(Map<String, Profile> profiles) {
        this.profiles = profiles;
    }

    /** The profile called {@code name}, if configured. */
    public Optional<Profile> find(String name) {
        return Optional.ofNullable(name == null ? null : profiles.get(name));
    }

    /** The profile called {@code name}, or {@link UnknownProfileException}. */
    public Profile require(String name) {
        return find(name).orElseThrow(() -> new UnknownProfileException(name));
    }

    /** One extraction profile. Either {@code prompt} or {@code fields} must be set; {@code fields} wins. */
    public static class Profile {

        /** Label of the extraction in the dashboard (3 to 40 characters); defaults to the profile name. */
        private String taskName;

        /** What to extract, in a sentence (up to 5,000 characters). */
        private String prompt;

        /** Exact output fields (1 to 20), in column order; when set, the prompt is an object prompt. */
        private List<Field> fields = new ArrayList<>();

        /** Instructions for the whole task with an object prompt (up to 1,500 characters). */
        private String generalPrompt;

        /** per_invoice, per_line_item or automatic. */
        private OutputStructure outputStructure = OutputStructure.AUTOMATIC;

        /** Native JSON types in the rows (numbers, booleans, null); on by default because the pipeline reads rows. */
        private boolean jsonTypedValues = true;

        /** Let the extraction stop and ask when the documents leave something unsettled. */
        private boolean askQuestions = false;

        /**
         * Answer every open question with {@code accept_recommended} (poll stage). Off: the questions are only
         * published to the questions topic and the extraction waits for someone to answer.
         */
        private boolean acceptRecommendedAnswers = false;

        /** System columns to leave out of the output files: source_file, review_needed. Rows map back to files through source_file. */
        private List<String> excludeColumns = new ArrayList<>();

        /** Output language (automatic or a code such as en); unset = the account's preference. */
        private String outputLanguage;

        /** Email the account when an extraction of this profile finishes; unset = the account's preference. */
        private Boolean sendCompletionEmail;

        /** The request's prompt: an object prompt when fields are configured, else the sentence. */
        public Prompt toPrompt() {
            if (!fields.isEmpty()) {
                List<PromptField> promptFields = fields.stream()
                        .map(f -> PromptField.of(f.getName(), f.getPrompt()))
                        .toList();
                return Prompt.fields(promptFields, generalPrompt);
            }
            if (prompt == null || prompt.isBlank()) {
                throw new IllegalStateException("profile has neither prompt nor fields");
            }
            return Prompt.text(prompt);
        }

        /** The request's options; unset preferences are left to the account. */
        public ExtractionOptions toOptions() {
            ExtractionOptions.Builder builder = ExtractionOptions.builder()
                    .jsonTypedValues(jsonTypedValues)
                    .askQuestions(askQuestions);
            if (!excludeColumns.isEmpty()) {
                builder.excludeColumns(excludeColumns);
            }
            if (outputLanguage != null) {
                builder.outputLanguage(outputLanguage);
            }
            if (sendCompletionEmail != null) {
                builder.sendCompletionEmail(sendCompletionEmail);
            }
            return builder.build();
        }

        /** The task name, or the profile name, fitted to the API's 3 to 40 characters. */
        public String taskNameOr(String profileName) {
            String name = taskName != null && !taskName.isBlank() ? taskName : profileName;
            if (name.length() > 40) {
                name = name.substring(0, 40);
            }
            while (name.length() < 3) {
                name = name + "_";
            }
            return name;
        }

        public String getTaskName() {
            return taskName;
        }

        public void setTaskName(String taskName) {
            this.taskName = taskName;
        }

        public String getPrompt() {
            return prompt;
        }

        public void setPrompt(String prompt) {
            this.prompt = prompt;
        }

        public List<Field> getFields() {
            return fields;
        }

        public void setFields(List<Field> fields) {
            this.fields = fields;
        }

        public String getGeneralPrompt() {
            return generalPrompt;
        }

        public void setGeneralPrompt(String generalPrompt) {
            this.generalPrompt = generalPrompt;
        }

        public OutputStructure getOutputStructure() {
            return outputStructure;
        }

        public void setOutputStructure(OutputStructure outputStructure) {
            this.outputStructure = outputStructure;
        }

        public boolean isJsonTypedValues() {
            return jsonTypedValues;
        }

        public void setJsonTypedValues(boolean jsonTypedValues) {
            this.jsonTypedValues = jsonTypedValues;
        }

        public boolean isAskQuestions() {
            return askQuestions;
        }

        public void setAskQuestions(boolean askQuestions) {
            this.askQuestions = askQuestions;
        }

        public boolean isAcceptRecommendedAnswers() {
            return acceptRecommendedAnswers;
        }

        public void setAcceptRecommendedAnswers(boolean acceptRecommendedAnswers) {
            this.acceptRecommendedAnswers = acceptRecommendedAnswers;
        }

        public List<String> getExcludeColumns() {
            return excludeColumns;
        }

        public void setExcludeColumns(List<String> excludeColumns) {
            this.excludeColumns = excludeColumns;
        }

        public String getOutputLanguage() {
            return outputLanguage;
        }

        public void setOutputLanguage(String outputLanguage) {
            this.outputLanguage = outputLanguage;
        }

        public Boolean getSendCompletionEmail() {
            return sendCompletionEmail;
        }

        public void setSendCompletionEmail(Boolean sendCompletionEmail) {
            this.sendCompletionEmail = sendCompletionEmail;
        }
    }

    /** One output column of an object prompt. */
    public static class Field {

        /** The column name exactly as it will appear (2 to 50 characters). */
        private String name;

        /** Instructions for this column (3 to 600 characters); optional. */
        private String prompt;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getPrompt() {
            return prompt;
        }

        public void setPrompt(String prompt) {
            this.prompt = prompt;
        }
    }
}
