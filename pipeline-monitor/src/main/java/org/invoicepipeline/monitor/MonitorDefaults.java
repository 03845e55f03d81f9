package org.invoicepipeline.monitor;

import java.io.IOException;
import java.util.List;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.CompositePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.core.io.support.PropertySourceFactory;

/**
 * Loads the monitor's built-in defaults from {@code pipeline-monitor-defaults.yml} with the lowest precedence
 * (not {@code application.yml}: the local run hosts the monitor in one JVM with the workers, where only one
 * {@code application.yml} would be found).
 */
public class MonitorDefaults implements PropertySourceFactory {

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
