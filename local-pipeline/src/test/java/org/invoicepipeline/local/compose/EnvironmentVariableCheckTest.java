package org.invoicepipeline.local.compose;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which environment variables bind to a property, by Spring's relaxed binding of the system environment. */
class EnvironmentVariableCheckTest {

    private static final String METADATA = """
            {"properties": [
              {"name": "pipeline.api.base-url", "type": "java.net.URI"},
              {"name": "pipeline.api.rate-limit-share", "type": "java.lang.Double"},
              {"name": "pipeline.upload.validation.allowed-roots", "type": "java.util.List<java.nio.file.Path>"},
              {"name": "pipeline.profiles", "type": "java.util.Map<java.lang.String,org.example.Profile>"},
              {"name": "spring.kafka.properties", "type": "java.util.Map<java.lang.String,java.lang.String>"},
              {"name": "logging.level", "type": "java.util.Map<java.lang.String,java.lang.String>"},
              {"name": "management.server.port", "type": "java.lang.Integer"}
            ]}
            """;

    @ParameterizedTest(name = "{0} binds: {1}")
    @CsvSource({
            "PIPELINE_API_BASE_URL, true",                       // legacy form: dashes as underscores
            "PIPELINE_API_BASEURL, true",                        // canonical form: dashes removed
            "pipeline_api_base_url, true",                       // case does not matter
            "PIPELINE_API_BASE_URI, false",                      // misspelt
            "PIPELINE_API_RATE_LIMIT_SHARE, true",
            "PIPELINE_API_RATE_LIMITS_SHARE, false",
            "PIPELINE_API, false",                               // a prefix only
            "PIPELINE_UPLOAD_VALIDATION_ALLOWED_ROOTS, true",    // a list from one comma-separated value
            "PIPELINE_UPLOAD_VALIDATION_ALLOWED_ROOTS_0, true",  // a list by index
            "PIPELINE_UPLOAD_VALIDATION_ALLOWED_ROOT, false",
            "PIPELINE_PROFILES_INVOICES_PROMPT, true",           // a key below a map
            "SPRING_KAFKA_PROPERTIES_INVOICEPIPELINE_SERDE_MODE, true",
            "SPRING_KAFKA_PROPERTY_INVOICEPIPELINE_SERDE_MODE, false",
            "LOGGING_LEVEL_ORG_APACHE_KAFKA, true",
            "MANAGEMENT_SERVER_PORT, true",
            "MANAGEMENT_PORT, false",
            "JAVA_OPTS, true",                                   // read by the image's entrypoint
    })
    void variableBindsToAKnownProperty(String variable, boolean binds) throws IOException {
        List<String> unknown = check().unknown(Map.of(variable, "x"));
        if (binds) {
            assertThat(unknown).isEmpty();
        } else {
            assertThat(unknown).singleElement().asString().startsWith(variable);
        }
    }

    @ParameterizedTest(name = "{0} binds: {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"spring.kafka.properties.apicurio.registry.auto-register\": \"true\"} | true",
            "{\"pipeline.api.base-url\": \"http://x\"}                            | true",
            "{\"pipeline.api.base-uri\": \"http://x\"}                            | false",
            "{\"pipeline\": {\"api\": {\"base-url\": \"http://x\"}}}              | false", // nested: not checked
            "not json                                                          | false",
    })
    void keysOfSpringApplicationJsonBindToKnownProperties(String json, boolean binds) throws IOException {
        List<String> unknown = check().unknown(Map.of("SPRING_APPLICATION_JSON", json));
        assertThat(unknown.isEmpty()).as("%s", unknown).isEqualTo(binds);
    }

    private static EnvironmentVariableCheck check() throws IOException {
        return new EnvironmentVariableCheck(ConfigurationMetadata.ofDocuments(List.of(METADATA)),
                Map.of("JAVA_OPTS", "the image's entrypoint"));
    }
}
