package org.invoicepipeline.sandbox.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.invoicepipeline.sandbox.engine.ExtractionOptions;
import org.invoicepipeline.sandbox.engine.Submission;
import org.invoicepipeline.sandbox.validation.Issues;
import org.invoicepipeline.sandbox.validation.JsonPath;
import org.invoicepipeline.sandbox.validation.SchemaChecks;

/** Validates a submitExtraction body against {@code SubmitExtractionRequest} into a {@link Submission}. */
final class SubmissionParser {

    private static final Set<String> FIELDS = Set.of("submission_id", "upload_session_id", "file_ids", "task_name",
            "prompt", "output_structure", "options");
    private static final Set<String> OUTPUT_STRUCTURES = Set.of("automatic", "per_invoice", "per_line_item");
    private static final Set<String> OPTION_FIELDS = Set.of("exclude_columns", "output_language",
            "review_needed_fill_color", "affected_field_fill_color", "send_completion_email", "json_typed_values",
            "ask_questions");
    private static final Set<String> LANGUAGES = Set.of("automatic", "en", "ar", "zh-Hant", "zh-Hans", "nl", "fr",
            "de", "el", "he", "it", "ja", "pl", "pt", "es", "th");
    private static final Set<String> FILL_COLORS = Set.of("none", "yellow", "orange", "red");
    private static final Set<String> SYSTEM_COLUMNS = Set.of("source_file", "review_needed");
    private static final Set<String> RESERVED_NAMES = Set.of("sourcefile", "reviewneeded");

    private SubmissionParser() {
    }

    static Submission parse(JsonNode body) {
        Issues issues = new Issues();
        JsonPath root = JsonPath.ROOT;
        SchemaChecks.object(issues, body, root, FIELDS,
                "submission_id", "upload_session_id", "file_ids", "task_name", "prompt", "output_structure");
        SchemaChecks.clientIdField(issues, body, root, "submission_id");
        SchemaChecks.clientIdField(issues, body, root, "upload_session_id");
        List<String> fileIds = new ArrayList<>();
        JsonNode ids = body.get("file_ids");
        if (ids != null && SchemaChecks.array(issues, ids, root.child("file_ids"), 1, 6000)) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < ids.size(); i++) {
                if (SchemaChecks.clientId(issues, ids.get(i), root.child("file_ids").child(i))) {
                    if (!seen.add(ids.get(i).asText())) {
                        issues.add("file_ids must not repeat a file_id.", "file_ids", i);
                    }
                    fileIds.add(ids.get(i).asText());
                }
            }
        }
        if (body.has("task_name")) {
            SchemaChecks.string(issues, body.get("task_name"), root.child("task_name"), 3, 40);
        }
        if (body.has("prompt")) {
            prompt(issues, body.get("prompt"), root.child("prompt"));
        }
        if (body.has("output_structure")) {
            SchemaChecks.oneOf(issues, body.get("output_structure"), root.child("output_structure"), OUTPUT_STRUCTURES);
        }
        ExtractionOptions options = ExtractionOptions.DEFAULTS;
        if (body.has("options")) {
            options = options(issues, body.get("options"), root.child("options"));
        }
        issues.throwIfAny();
        return new Submission(body.get("submission_id").asText(), body.get("upload_session_id").asText(), fileIds,
                body.get("task_name").asText(), body.get("prompt"), body.get("output_structure").asText(), options);
    }

    private static void prompt(Issues issues, JsonNode prompt, JsonPath path) {
        if (prompt.isTextual()) {
            SchemaChecks.string(issues, prompt, path, 1, 5000);
            return;
        }
        if (!prompt.isObject()) {
            issues.add("prompt must be a string of 1 to 5,000 characters or an object with fields.", path.toArray());
            return;
        }
        SchemaChecks.object(issues, prompt, path, Set.of("fields", "general_prompt"), "fields");
        if (prompt.has("general_prompt")) {
            SchemaChecks.string(issues, prompt.get("general_prompt"), path.child("general_prompt"), 0, 1500);
        }
        JsonNode fields = prompt.get("fields");
        JsonPath fieldsPath = path.child("fields");
        if (fields == null || !SchemaChecks.array(issues, fields, fieldsPath, 1, 20)) {
            return;
        }
        Set<String> normalizedNames = new HashSet<>();
        for (int i = 0; i < fields.size(); i++) {
            JsonNode field = fields.get(i);
            JsonPath fieldPath = fieldsPath.child(i);
            if (!SchemaChecks.object(issues, field, fieldPath, Set.of("name", "prompt"), "name")) {
                continue;
            }
            if (field.has("name") && SchemaChecks.string(issues, field.get("name"), fieldPath.child("name"), 2, 50)) {
                String normalized = field.get("name").asText().toLowerCase(Locale.ROOT).replace(" ", "").replace("_", "");
                if (RESERVED_NAMES.contains(normalized)) {
                    issues.add("Field names may not be 'Source File' or 'Review Needed'.", fieldPath.child("name").toArray());
                } else if (!normalizedNames.add(normalized)) {
                    issues.add("Field names must be unique, ignoring case, spaces and underscores.",
                            fieldPath.child("name").toArray());
                }
            }
            if (field.has("prompt")) {
                JsonNode fieldPrompt = field.get("prompt");
                if (!fieldPrompt.isTextual()) {
                    issues.add("prompt must be a string.", fieldPath.child("prompt").toArray());
                } else if (!fieldPrompt.asText().isEmpty()) {
                    SchemaChecks.string(issues, fieldPrompt, fieldPath.child("prompt"), 3, 600);
                }
            }
        }
    }

    private static ExtractionOptions options(Issues issues, JsonNode node, JsonPath path) {
        if (!SchemaChecks.object(issues, node, path, OPTION_FIELDS)) {
            return ExtractionOptions.DEFAULTS;
        }
        ExtractionOptions d = ExtractionOptions.DEFAULTS;
        List<String> exclude = d.excludeColumns();
        if (node.has("exclude_columns")) {
            JsonNode columns = node.get("exclude_columns");
            JsonPath columnsPath = path.child("exclude_columns");
            if (SchemaChecks.array(issues, columns, columnsPath, 0, Integer.MAX_VALUE)) {
                List<String> values = new ArrayList<>();
                for (int i = 0; i < columns.size(); i++) {
                    if (SchemaChecks.oneOf(issues, columns.get(i), columnsPath.child(i), SYSTEM_COLUMNS)
                            && !values.contains(columns.get(i).asText())) {
                        values.add(columns.get(i).asText());
                    }
                }
                exclude = values;
            }
        }
        return new ExtractionOptions(exclude,
                text(issues, node, path, "output_language", LANGUAGES, d.outputLanguage()),
                text(issues, node, path, "review_needed_fill_color", FILL_COLORS, d.reviewNeededFillColor()),
                text(issues, node, path, "affected_field_fill_color", FILL_COLORS, d.affectedFieldFillColor()),
                flag(issues, node, path, "send_completion_email", d.sendCompletionEmail()),
                flag(issues, node, path, "json_typed_values", d.jsonTypedValues()),
                flag(issues, node, path, "ask_questions", d.askQuestions()));
    }

    private static String text(Issues issues, JsonNode options, JsonPath path, String name, Set<String> allowed,
                               String fallback) {
        if (!options.has(name)) {
            return fallback;
        }
        return SchemaChecks.oneOf(issues, options.get(name), path.child(name), allowed) ? options.get(name).asText() : fallback;
    }

    private static boolean flag(Issues issues, JsonNode options, JsonPath path, String name, boolean fallback) {
        if (!options.has(name)) {
            return fallback;
        }
        return SchemaChecks.bool(issues, options.get(name), path.child(name)) ? options.get(name).asBoolean() : fallback;
    }
}
