package org.invoicepipeline.common.config;

import java.io.IOException;
import java.util.List;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.CompositePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.core.io.support.PropertySourceFactory;

/**
 * Loads a worker's built-in defaults from a YAML file named after the worker, for
 * {@code @PropertySource(value = "classpath:upload-worker-defaults.yml", factory = YamlDefaults.class)}.
 *
 * <p>Why not {@code application.yml}: the local run starts all workers in one JVM, where only the first
 * {@code classpath:application.yml} would be found and every worker would read another's settings. A
 * {@code @PropertySource} has the lowest precedence, so {@code application.yml} files outside the jars,
 * command-line arguments, environment variables and the launcher's properties all override these defaults.
 */
public class YamlDefaults implements PropertySourceFactory {

    @Override
    public PropertySource<?> createPropertySource(String name, EncodedResource resource) throws IOException {
        String sourceName = name != null ? name : resource.getResource().getDescription();
        List<PropertySource<?>> documents = new YamlPropertySourceLoader().load(sourceName, resource.getResource());
        if (documents.size() == 1) {
            return documents.get(0);
        }
        CompositePropertySource composite = new CompositePropertySource(sourceName);
        documents.forEach(composite::addPropertySource);
        return composite;
    }
}
