package org.invoicepipeline.local.compose;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compose's variable interpolation ({@code ${NAME}}, {@code ${NAME:-default}}, {@code ${NAME-default}},
 * {@code $$} for a literal {@code $}) against a given set of variables, here none: the tests check the
 * configuration a plain {@code docker compose up} runs. A variable without a default that is not set fails, since
 * compose would silently substitute an empty string.
 */
final class ComposeInterpolation {

    private static final Pattern VARIABLE =
            Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}");

    private final Map<String, String> variables;

    ComposeInterpolation(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    String apply(String text) {
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(valueOf(matcher, text)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private String valueOf(Matcher matcher, String text) {
        if (matcher.group().equals("$$")) {
            return "$";
        }
        String name = matcher.group(1);
        String operator = matcher.group(2);
        String value = variables.get(name);
        boolean unset = operator != null && operator.startsWith(":") ? value == null || value.isEmpty() : value == null;
        if (!unset) {
            return value;
        }
        if (operator == null) {
            throw new IllegalArgumentException("${" + name + "} has no default and is not set, in: " + text);
        }
        if (operator.endsWith("?")) {
            throw new IllegalArgumentException("${" + name + "} is required: " + matcher.group(3));
        }
        return matcher.group(3);
    }
}
