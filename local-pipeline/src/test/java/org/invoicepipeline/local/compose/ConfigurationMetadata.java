package org.invoicepipeline.local.compose;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;

/**
 * The configuration properties a Spring Boot exec jar knows: its own {@code spring-configuration-metadata.json}
 * (generated from the {@code @ConfigurationProperties} classes by the configuration processor) and those of every
 * jar it packs (Boot's, common's). Read from the jar itself, so the check covers exactly what the image runs.
 *
 * @param properties canonical property name to its declared type (e.g. {@code java.util.Map<...>})
 */
record ConfigurationMetadata(Map<ConfigurationPropertyName, String> properties) {

    private static final String METADATA = "META-INF/spring-configuration-metadata.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Metadata documents of the packed jars by name and CRC: the services share most of their libraries. */
    private static final Map<String, List<byte[]>> NESTED = new ConcurrentHashMap<>();

    static ConfigurationMetadata of(Path execJar) throws IOException {
        Map<ConfigurationPropertyName, String> properties = new HashMap<>();
        try (ZipFile jar = new ZipFile(execJar.toFile())) {
            List<? extends ZipEntry> entries = jar.stream().toList();
            for (ZipEntry entry : entries) {
                if (entry.getName().endsWith(METADATA)) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        add(in.readAllBytes(), properties);
                    }
                } else if (entry.getName().startsWith("BOOT-INF/lib/") && entry.getName().endsWith(".jar")) {
                    for (byte[] document : nestedDocuments(jar, entry)) {
                        add(document, properties);
                    }
                }
            }
        }
        if (properties.isEmpty()) {
            throw new IllegalStateException("no configuration metadata in " + execJar);
        }
        return new ConfigurationMetadata(properties);
    }

    private static List<byte[]> nestedDocuments(ZipFile jar, ZipEntry entry) throws IOException {
        String key = entry.getName() + "@" + entry.getCrc();
        List<byte[]> cached = NESTED.get(key);
        if (cached != null) {
            return cached;
        }
        List<byte[]> documents = new ArrayList<>();
        // A ZipFile reads the central directory only; streaming the nested jar would inflate every class in it.
        Path copy = Files.createTempFile("nested", ".jar");
        try {
            try (InputStream in = jar.getInputStream(entry)) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            try (ZipFile nested = new ZipFile(copy.toFile())) {
                ZipEntry metadata = nested.getEntry(METADATA);
                if (metadata != null) {
                    try (InputStream in = nested.getInputStream(metadata)) {
                        documents.add(in.readAllBytes());
                    }
                }
            }
        } finally {
            Files.deleteIfExists(copy);
        }
        NESTED.put(key, documents);
        return documents;
    }

    /** Metadata from JSON documents, for tests. */
    static ConfigurationMetadata ofDocuments(List<String> documents) throws IOException {
        Map<ConfigurationPropertyName, String> properties = new HashMap<>();
        for (String document : documents) {
            add(document.getBytes(java.nio.charset.StandardCharsets.UTF_8), properties);
        }
        return new ConfigurationMetadata(properties);
    }

    private static void add(byte[] document, Map<ConfigurationPropertyName, String> properties) throws IOException {
        JsonNode root = JSON.readTree(new ByteArrayInputStream(document));
        List<JsonNode> entries = new ArrayList<>();
        root.path("properties").forEach(entries::add);
        for (JsonNode property : entries) {
            ConfigurationPropertyName name = ConfigurationPropertyName.ofIfValid(property.path("name").asText());
            if (name != null) {
                properties.put(name, property.path("type").asText(""));
            }
        }
    }

    /** Whether values under this property are keys of its own (a map) or indexes (a list), not fixed names. */
    static boolean opensBelow(String type) {
        return type.startsWith("java.util.Map<") || type.startsWith("java.util.List<") || type.startsWith("java.util.Set<")
                || type.startsWith("java.util.Collection<") || type.endsWith("[]");
    }
}
