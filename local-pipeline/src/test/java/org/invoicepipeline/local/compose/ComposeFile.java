package org.invoicepipeline.local.compose;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * docker/compose.yaml as the tests read it: parsed with SnakeYAML (anchors and {@code <<} merge keys resolved),
 * every string interpolated like compose does, each service's environment, command, build arguments, volumes and
 * profiles.
 */
record ComposeFile(Path file, Map<String, Service> services) {

    /** One service of the file. */
    record Service(String name, Map<String, String> environment, List<String> command, Map<String, String> buildArgs,
                   List<String> volumes, List<String> profiles, String image) {

        /** Whether compose starts it without {@code --profile}. */
        boolean inDefaultProfile() {
            return profiles.isEmpty();
        }

        /** Built from this repository's docker/Dockerfile (not a published image). */
        boolean builtHere() {
            return buildArgs.containsKey("MODULE");
        }

        String module() {
            return buildArgs.get("MODULE");
        }
    }

    static ComposeFile read(Path file, ComposeInterpolation interpolation) throws IOException {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        Map<String, Object> root = yaml.load(Files.readString(file));
        Map<String, Object> services = map(root.get("services"));
        Map<String, Service> parsed = new LinkedHashMap<>();
        services.forEach((name, definition) -> parsed.put(name, service(name, map(definition), interpolation)));
        return new ComposeFile(file, parsed);
    }

    Service service(String name) {
        Service service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException("no service " + name + " in " + file);
        }
        return service;
    }

    private static Service service(String name, Map<String, Object> definition, ComposeInterpolation interpolation) {
        Map<String, String> environment = new LinkedHashMap<>();
        Object env = definition.get("environment");
        if (env instanceof Map<?, ?> entries) {
            entries.forEach((key, value) -> environment.put(String.valueOf(key),
                    value == null ? "" : interpolation.apply(String.valueOf(value))));
        } else if (env instanceof List<?> entries) {
            for (Object entry : entries) {
                String[] pair = String.valueOf(entry).split("=", 2);
                environment.put(pair[0], pair.length > 1 ? interpolation.apply(pair[1]) : "");
            }
        }
        Map<String, String> buildArgs = new LinkedHashMap<>();
        if (definition.get("build") instanceof Map<?, ?> build && build.get("args") instanceof Map<?, ?> args) {
            args.forEach((key, value) -> buildArgs.put(String.valueOf(key), interpolation.apply(String.valueOf(value))));
        }
        Object image = definition.get("image");
        return new Service(name, environment, strings(definition.get("command"), interpolation), buildArgs,
                strings(definition.get("volumes"), interpolation), strings(definition.get("profiles"), interpolation),
                image == null ? null : interpolation.apply(String.valueOf(image)));
    }

    private static List<String> strings(Object value, ComposeInterpolation interpolation) {
        List<String> strings = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(item -> strings.add(interpolation.apply(String.valueOf(item))));
        } else if (value != null) {
            throw new IllegalArgumentException("expected a list (exec form), got: " + value);
        }
        return strings;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("expected a mapping, got: " + value);
        }
        return (Map<String, Object>) value;
    }
}
