package org.invoicepipeline.local.compose;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Spring Boot ignores an environment variable that names no property, so a misspelt one
 * ({@code PIPELINE_API_BASE_URI}) would leave the default in place without a word. This check finds them: a variable
 * passes when Spring's own relaxed binding of the system environment (the {@code systemEnvironment} property
 * source's mapping, both {@code PIPELINE_API_BASEURL} and the legacy {@code PIPELINE_API_BASE_URL} form) resolves it
 * to a property in the process's configuration metadata, or to a key below a map or list property
 * ({@code SPRING_KAFKA_PROPERTIES_*}, {@code LOGGING_LEVEL_*}, {@code PIPELINE_PROFILES_*}). Keys of
 * {@code SPRING_APPLICATION_JSON} are checked the same way. Variables read by something else than Spring (the image's
 * {@code JAVA_OPTS}, the API key the client reads itself) are named with their reader.
 */
final class EnvironmentVariableCheck {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String APPLICATION_JSON = "SPRING_APPLICATION_JSON";

    private final ConfigurationMetadata metadata;
    private final Map<String, String> readOutsideSpring;

    /** @param readOutsideSpring variable name to what reads it (documentation for the failure message) */
    EnvironmentVariableCheck(ConfigurationMetadata metadata, Map<String, String> readOutsideSpring) {
        this.metadata = metadata;
        this.readOutsideSpring = Map.copyOf(readOutsideSpring);
    }

    /** The variables (and JSON keys) that name nothing, each with a reason; empty when all are bound. */
    List<String> unknown(Map<String, String> environment) {
        List<String> unknown = new ArrayList<>();
        environment.forEach((name, value) -> {
            if (readOutsideSpring.containsKey(name)) {
                return;
            }
            if (name.equals(APPLICATION_JSON)) {
                unknown.addAll(unknownJsonKeys(value));
                return;
            }
            SystemEnvironmentPropertySource source = new SystemEnvironmentPropertySource(
                    StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(name, value));
            if (!binds(source)) {
                unknown.add(name + " (binds to no property)");
            }
        });
        return unknown;
    }

    private List<String> unknownJsonKeys(String json) {
        List<String> unknown = new ArrayList<>();
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (Exception e) {
            return List.of(APPLICATION_JSON + " (not JSON: " + e.getMessage() + ")");
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = root.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getValue().isValueNode()) {
                unknown.add(APPLICATION_JSON + " key " + field.getKey() + " (only flat keys are checked)");
            } else if (!binds(new MapPropertySource(APPLICATION_JSON, Map.of(field.getKey(), field.getValue().asText())))) {
                unknown.add(APPLICATION_JSON + " key " + field.getKey() + " (binds to no property)");
            }
        }
        return unknown;
    }

    private boolean binds(PropertySource<?> source) {
        ConfigurationPropertySource properties = ConfigurationPropertySource.from(source);
        for (Map.Entry<ConfigurationPropertyName, String> property : metadata.properties().entrySet()) {
            ConfigurationProperty bound = properties.getConfigurationProperty(property.getKey());
            if (bound != null) {
                return true;
            }
            if (ConfigurationMetadata.opensBelow(property.getValue())
                    && properties.containsDescendantOf(property.getKey()) == ConfigurationPropertyState.PRESENT) {
                return true;
            }
        }
        return false;
    }

    /** Variable names read outside Spring, for messages. */
    Set<String> readOutsideSpring() {
        return readOutsideSpring.keySet();
    }
}
