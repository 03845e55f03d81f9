package org.invoicepipeline.sandbox.validation;

import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The schema keywords the contract uses (type, required, additionalProperties, pattern,
 * length, range, enum), each reporting into {@link Issues}. A check answers whether the value
 * passed so callers can skip dependent checks.
 */
public final class SchemaChecks {

    /** {@code ClientId}: 1 to 200 letters, digits, dots, underscores, colons and hyphens. */
    public static final Pattern CLIENT_ID = Pattern.compile("^[A-Za-z0-9._:-]{1,200}$");
    private static final Pattern UUID = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private SchemaChecks() {
    }

    /**
     * Checks an object's required and allowed fields; answers whether it is an object at all, so
     * callers go on to check the fields it has.
     */
    public static boolean object(Issues issues, JsonNode node, JsonPath path, Set<String> allowed, String... required) {
        if (node == null || !node.isObject()) {
            issues.add(path.name() + " must be an object.", path.toArray());
            return false;
        }
        for (String name : required) {
            if (!node.has(name)) {
                issues.add(name + " is required.", path.child(name).toArray());
            }
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                issues.add("Unrecognized field: " + name + ".", path.child(name).toArray());
            }
        }
        return true;
    }

    public static boolean clientId(Issues issues, JsonNode node, JsonPath path) {
        if (node == null || !node.isTextual()) {
            issues.add(path.name() + " must be a string.", path.toArray());
            return false;
        }
        return clientIdText(issues, node.asText(), path);
    }

    /** Checks an object's field {@code name} as a ClientId when present (a missing one is {@link #object}'s to report). */
    public static void clientIdField(Issues issues, JsonNode object, JsonPath path, String name) {
        if (object.has(name)) {
            clientId(issues, object.get(name), path.child(name));
        }
    }

    public static boolean clientIdText(Issues issues, String value, JsonPath path) {
        if (!CLIENT_ID.matcher(value).matches()) {
            issues.add(path.name() + " must be 1 to 200 characters from letters, digits, '.', '_', ':' and '-'.",
                    path.toArray());
            return false;
        }
        return true;
    }

    public static boolean string(Issues issues, JsonNode node, JsonPath path, int minLength, int maxLength) {
        if (node == null || !node.isTextual()) {
            issues.add(path.name() + " must be a string.", path.toArray());
            return false;
        }
        int length = node.asText().codePointCount(0, node.asText().length());
        if (length < minLength || length > maxLength) {
            issues.add(path.name() + " must be " + minLength + " to " + maxLength + " characters long.", path.toArray());
            return false;
        }
        return true;
    }

    public static boolean integer(Issues issues, JsonNode node, JsonPath path, long min, long max) {
        if (node == null || !node.isIntegralNumber() && !(node.isNumber() && isWhole(node))) {
            issues.add(path.name() + " must be an integer.", path.toArray());
            return false;
        }
        if (!node.canConvertToLong() || node.asLong() < min || node.asLong() > max) {
            issues.add(path.name() + " must be between " + min + " and " + max + ".", path.toArray());
            return false;
        }
        return true;
    }

    private static boolean isWhole(JsonNode node) {
        return node.decimalValue().stripTrailingZeros().scale() <= 0;
    }

    public static boolean bool(Issues issues, JsonNode node, JsonPath path) {
        if (node == null || !node.isBoolean()) {
            issues.add(path.name() + " must be a boolean.", path.toArray());
            return false;
        }
        return true;
    }

    public static boolean oneOf(Issues issues, JsonNode node, JsonPath path, Set<String> values) {
        if (node == null || !node.isTextual() || !values.contains(node.asText())) {
            issues.add(path.name() + " must be one of: " + String.join(", ", new TreeSet<>(values)) + ".",
                    path.toArray());
            return false;
        }
        return true;
    }

    public static boolean array(Issues issues, JsonNode node, JsonPath path, int minItems, int maxItems) {
        if (node == null || !node.isArray()) {
            issues.add(path.name() + " must be an array.", path.toArray());
            return false;
        }
        if (node.size() < minItems || node.size() > maxItems) {
            issues.add(path.name() + " must have " + minItems + " to " + maxItems + " items.", path.toArray());
            return false;
        }
        return true;
    }

    public static boolean uuid(String value) {
        return value != null && UUID.matcher(value).matches();
    }
}
