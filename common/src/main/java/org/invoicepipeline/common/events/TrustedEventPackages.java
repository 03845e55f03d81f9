package org.invoicepipeline.common.events;

import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro 1.12 refuses to instantiate generated classes from packages it does not trust. The JVM property
 * {@code org.apache.avro.SERIALIZABLE_PACKAGES=org.invoicepipeline.events} trusts them; {@link #install()}
 * does the same programmatically (the serdes call it), keeping whatever the JVM already trusts.
 */
public final class TrustedEventPackages {

    /** Package of the generated event classes. */
    public static final String EVENTS_PACKAGE = "org.invoicepipeline.events";

    private static final AtomicBoolean INSTALLED = new AtomicBoolean();

    private TrustedEventPackages() {
    }

    /** Adds the event package to Avro's global class trust; idempotent. */
    public static void install() {
        if (INSTALLED.compareAndSet(false, true)) {
            ClassSecurityValidator.ClassSecurityPredicate current = ClassSecurityValidator.getGlobal();
            ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(current,
                    type -> EVENTS_PACKAGE.equals(type.getPackageName())));
        }
    }
}
