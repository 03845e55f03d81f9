package org.invoicepipeline.local.compose;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment an image built from docker/Dockerfile gives its process: the {@code ENV} instructions, with the
 * {@code ARG}s they refer to taken from the build arguments (else the {@code ARG} defaults). Part of what a
 * container sees besides compose's {@code environment}. Handles the forms the Dockerfile uses: {@code key=value}
 * pairs, double-quoted values, line continuations, {@code ${NAME}} references.
 */
final class DockerfileEnvironment {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}|\\$([A-Za-z_][A-Za-z0-9_]*)");

    private DockerfileEnvironment() {
    }

    static Map<String, String> of(Path dockerfile, Map<String, String> buildArgs) throws IOException {
        Map<String, String> args = new LinkedHashMap<>();
        Map<String, String> environment = new LinkedHashMap<>();
        for (String instruction : instructions(Files.readAllLines(dockerfile))) {
            String[] keywordAndRest = instruction.split("\\s+", 2);
            String keyword = keywordAndRest[0].toUpperCase();
            String rest = keywordAndRest.length > 1 ? keywordAndRest[1] : "";
            if (keyword.equals("FROM")) {
                args.clear();
                environment.clear();
            } else if (keyword.equals("ARG")) {
                String[] nameAndDefault = rest.split("=", 2);
                String name = nameAndDefault[0].trim();
                String value = buildArgs.getOrDefault(name, nameAndDefault.length > 1 ? unquote(nameAndDefault[1]) : null);
                if (value != null) {
                    args.put(name, value);
                }
            } else if (keyword.equals("ENV")) {
                for (String pair : words(rest)) {
                    String[] keyAndValue = pair.split("=", 2);
                    if (keyAndValue.length != 2) {
                        throw new IllegalArgumentException("ENV without '=' (legacy form) is not read: " + instruction);
                    }
                    Map<String, String> scope = new LinkedHashMap<>(args);
                    scope.putAll(environment);
                    environment.put(keyAndValue[0], substitute(unquote(keyAndValue[1]), scope));
                }
            }
        }
        return environment;
    }

    /** Instructions with continuation lines joined and comments dropped. */
    private static List<String> instructions(List<String> lines) {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
            } else {
                current.append(trimmed);
                instructions.add(current.toString().strip());
                current.setLength(0);
            }
        }
        return instructions;
    }

    /** Splits on whitespace outside double quotes. */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                word.append(c);
            } else if (Character.isWhitespace(c) && !quoted) {
                if (!word.isEmpty()) {
                    words.add(word.toString());
                    word.setLength(0);
                }
            } else {
                word.append(c);
            }
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }

    private static String unquote(String value) {
        String trimmed = value.strip();
        return trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")
                ? trimmed.substring(1, trimmed.length() - 1) : trimmed;
    }

    private static String substitute(String value, Map<String, String> scope) {
        Matcher matcher = REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
            matcher.appendReplacement(out, Matcher.quoteReplacement(scope.getOrDefault(name, "")));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
