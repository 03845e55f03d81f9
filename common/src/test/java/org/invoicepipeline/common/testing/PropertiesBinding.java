package org.invoicepipeline.common.testing;

import java.util.Map;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Binds a worker's {@code @ConfigurationProperties} class in a bare context, for the tests of its start-up checks:
 * the defaults start, an unworkable value fails the start with a message naming the property.
 */
public final class PropertiesBinding {

    private PropertiesBinding() {
    }

    /** The properties' defaults bind and pass their checks. */
    public static void defaultsStart(Class<?> properties) {
        assertThat(catchThrowable(() -> start(properties, Map.of()))).as("start-up failure").isNull();
    }

    /** With {@code setting} ({@code name=value}) the start fails with a message containing {@code message}. */
    public static void startFails(Class<?> properties, String setting, String message) {
        String[] nameAndValue = setting.split("=", 2);
        Throwable failure = catchThrowable(() -> start(properties, Map.of(nameAndValue[0], nameAndValue[1])));
        assertThat(failure).as("start-up failure").isNotNull();
        assertThat(failure).rootCause().hasMessageContaining(message);
    }

    /** The properties bound from {@code settings} ({@code name -> value}) and checked, as a worker would get them. */
    public static <T> T bound(Class<T> properties, Map<String, Object> settings) {
        return start(properties, settings);
    }

    /** The properties as a bean: Boot binds (and validates) every {@code @ConfigurationProperties} bean. */
    private static <T> T start(Class<T> properties, Map<String, Object> settings) {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", settings));
            context.register(Binding.class);
            context.registerBean(properties);
            context.refresh();
            return context.getBean(properties);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties
    static class Binding {
    }
}
