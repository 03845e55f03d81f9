package org.invoicepipeline.common.config;

import org.invoicepipeline.common.events.TrustedEventPackages;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Avro (1.12) only instantiates generated classes from trusted packages, read once from the system property
 * {@value #PROPERTY} when Avro's classes load. Registered as an environment post-processor in
 * {@code META-INF/spring.factories}, so every Spring Boot app with this module on its class path trusts the
 * event package before any consumer or serde exists; non-Spring code calls {@link #trust()} at start-up.
 * A value already set (e.g. {@code -D} on the command line) is extended, not replaced. It also installs
 * {@link TrustedEventPackages}, the serdes' programmatic equivalent, so both paths agree.
 */
public final class AvroTrustedPackages implements EnvironmentPostProcessor {

    public static final String PROPERTY = "org.apache.avro.SERIALIZABLE_PACKAGES";
    public static final String EVENTS_PACKAGE = TrustedEventPackages.EVENTS_PACKAGE;

    /** Adds the event package to the trusted packages of this JVM. Idempotent and thread-safe. */
    public static synchronized void trust() {
        TrustedEventPackages.install();
        String current = System.getProperty(PROPERTY);
        if (current == null || current.isBlank()) {
            System.setProperty(PROPERTY, EVENTS_PACKAGE);
        }
        else if (!java.util.Arrays.asList(current.split(",")).contains(EVENTS_PACKAGE)) {
            System.setProperty(PROPERTY, current + "," + EVENTS_PACKAGE);
        }
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        trust();
    }
}
