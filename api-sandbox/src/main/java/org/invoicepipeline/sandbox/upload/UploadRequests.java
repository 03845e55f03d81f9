package org.invoicepipeline.sandbox.upload;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.invoicepipeline.sandbox.document.DocumentKind;
import org.invoicepipeline.sandbox.validation.Issues;
import org.invoicepipeline.sandbox.validation.JsonPath;
import org.invoicepipeline.sandbox.validation.SchemaChecks;

/** The upload endpoints' request bodies, validated against their schemas into typed values. */
final class UploadRequests {

    record FileRegistration(String fileId, String fileName, long sizeBytes) {
        boolean isPdf() {
            return DocumentKind.ofFileName(fileName) == DocumentKind.PDF;
        }
    }

    record CreateSession(String uploadSessionId, List<FileRegistration> files) {
    }

    record PartUrls(String fileId, List<Integer> partNumbers) {
    }

    record CompletedPart(int partNumber, String etag) {
    }

    record Completion(String fileId, List<CompletedPart> parts) {
    }

    private UploadRequests() {
    }

    static CreateSession createSession(JsonNode body) {
        Issues issues = new Issues();
        JsonPath root = JsonPath.ROOT;
        SchemaChecks.object(issues, body, root, Set.of("upload_session_id", "files"), "upload_session_id", "files");
        SchemaChecks.clientIdField(issues, body, root, "upload_session_id");
        List<FileRegistration> files = new ArrayList<>();
        JsonNode filesNode = body.get("files");
        if (filesNode != null && SchemaChecks.array(issues, filesNode, root.child("files"), 1,
                UploadLimits.MAX_FILES_PER_SESSION)) {
            for (int i = 0; i < filesNode.size(); i++) {
                JsonNode file = filesNode.get(i);
                JsonPath path = root.child("files").child(i);
                if (!SchemaChecks.object(issues, file, path, Set.of("file_id", "file_name", "file_size_bytes"),
                        "file_id", "file_name", "file_size_bytes")) {
                    continue;
                }
                boolean ok = !file.has("file_id") || SchemaChecks.clientId(issues, file.get("file_id"), path.child("file_id"));
                ok &= !file.has("file_name") || fileName(issues, file.get("file_name"), path.child("file_name"));
                ok &= !file.has("file_size_bytes")
                        || SchemaChecks.integer(issues, file.get("file_size_bytes"), path.child("file_size_bytes"), 1, Long.MAX_VALUE);
                if (ok && file.has("file_id") && file.has("file_name") && file.has("file_size_bytes")) {
                    files.add(new FileRegistration(file.get("file_id").asText(), file.get("file_name").asText(),
                            file.get("file_size_bytes").asLong()));
                }
            }
        }
        issues.throwIfAny();
        return new CreateSession(body.get("upload_session_id").asText(), files);
    }

    private static boolean fileName(Issues issues, JsonNode node, JsonPath path) {
        if (!SchemaChecks.string(issues, node, path, 1, 200)) {
            return false;
        }
        String name = node.asText();
        if (!name.equals(name.strip())) {
            issues.add("file_name must not start or end with whitespace.", path.toArray());
            return false;
        }
        if (name.contains("/") || name.contains("\\") || name.chars().anyMatch(Character::isISOControl)) {
            issues.add("file_name must not contain slashes or control characters.", path.toArray());
            return false;
        }
        // A supported extension after a non-empty base name.
        if (DocumentKind.ofFileName(name) == DocumentKind.UNSUPPORTED || name.lastIndexOf('.') == 0) {
            issues.add("file_name must end with a supported extension: .pdf, .jpg, .jpeg, or .png.", path.toArray());
            return false;
        }
        return true;
    }

    static PartUrls partUrls(String uploadSessionId, JsonNode body) {
        Issues issues = new Issues();
        SchemaChecks.clientIdText(issues, uploadSessionId, JsonPath.ROOT.child("upload_session_id"));
        SchemaChecks.object(issues, body, JsonPath.ROOT, Set.of("file_id", "part_numbers"), "file_id", "part_numbers");
        SchemaChecks.clientIdField(issues, body, JsonPath.ROOT, "file_id");
        List<Integer> partNumbers = new ArrayList<>();
        JsonNode numbers = body.get("part_numbers");
        JsonPath numbersPath = JsonPath.ROOT.child("part_numbers");
        if (numbers != null && SchemaChecks.array(issues, numbers, numbersPath, 1, UploadLimits.MAX_PART_NUMBERS_PER_REQUEST)) {
            for (int i = 0; i < numbers.size(); i++) {
                if (SchemaChecks.integer(issues, numbers.get(i), numbersPath.child(i), 1, UploadLimits.MAX_PART_NUMBER)) {
                    partNumbers.add(numbers.get(i).asInt());
                }
            }
        }
        issues.throwIfAny();
        return new PartUrls(body.get("file_id").asText(), partNumbers);
    }

    static Completion completion(String uploadSessionId, JsonNode body) {
        Issues issues = new Issues();
        SchemaChecks.clientIdText(issues, uploadSessionId, JsonPath.ROOT.child("upload_session_id"));
        SchemaChecks.object(issues, body, JsonPath.ROOT, Set.of("file_id", "parts"), "file_id", "parts");
        SchemaChecks.clientIdField(issues, body, JsonPath.ROOT, "file_id");
        List<CompletedPart> parts = new ArrayList<>();
        JsonNode partsNode = body.get("parts");
        JsonPath partsPath = JsonPath.ROOT.child("parts");
        if (partsNode != null && SchemaChecks.array(issues, partsNode, partsPath, 1, UploadLimits.MAX_PART_NUMBER)) {
            for (int i = 0; i < partsNode.size(); i++) {
                JsonNode part = partsNode.get(i);
                JsonPath path = partsPath.child(i);
                if (!SchemaChecks.object(issues, part, path, Set.of("part_number", "e_tag"), "part_number", "e_tag")) {
                    continue;
                }
                boolean ok = !part.has("part_number")
                        || SchemaChecks.integer(issues, part.get("part_number"), path.child("part_number"), 1, UploadLimits.MAX_PART_NUMBER);
                ok &= !part.has("e_tag") || SchemaChecks.string(issues, part.get("e_tag"), path.child("e_tag"), 1, Integer.MAX_VALUE);
                if (ok && part.has("part_number") && part.has("e_tag")) {
                    parts.add(new CompletedPart(part.get("part_number").asInt(), part.get("e_tag").asText()));
                }
            }
        }
        issues.throwIfAny();
        return new Completion(body.get("file_id").asText(), parts);
    }
}
