package org.invoicepipeline.local;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The metric names a PromQL expression selects (good enough for the project's own rules and dashboard). */
final class PromQlMetricNames {

    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "by", "without", "on", "ignoring",
            "group_left", "group_right", "offset", "bool", "vector", "le", "inf", "nan");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private PromQlMetricNames() {
    }

    static Set<String> of(String expr) {
        String stripped = expr
                .replaceAll("\\{[^}]*}", " ")                                     // label matchers
                .replaceAll("\\[[^]]*]", " ")                                     // ranges
                .replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", " ")    // grouping labels
                .replaceAll("[a-zA-Z_]+\\s*\\(", "(")                              // function names
                .replaceAll("\"[^\"]*\"", " ");
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = IDENTIFIER.matcher(stripped);
        while (matcher.find()) {
            String name = matcher.group();
            if (!KEYWORDS.contains(name.toLowerCase())) {
                names.add(name);
            }
        }
        return names;
    }
}
