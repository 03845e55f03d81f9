package org.invoicepipeline.common.config;

import java.time.Duration;
import java.util.Objects;

import org.springframework.validation.Errors;

/**
 * Start-up checks of a worker's {@code @ConfigurationProperties}, for its {@code validate(Object, Errors)}: each
 * rejected value fails the start with a message naming the property as it is configured, e.g.
 * {@code pipeline.poll.retry.max-interval must be at least retry.initial-interval (was PT0.5S)}.
 */
public final class PropertyRules {

    private final String prefix;
    private final Errors errors;

    /** @param prefix the properties' prefix, e.g. {@code pipeline.poll} */
    public PropertyRules(String prefix, Errors errors) {
        this.prefix = prefix;
        this.errors = errors;
    }

    /**
     * Rejects {@code field} (its Java name, dotted for nested ones: {@code retry.maxInterval}) unless
     * {@code valid}; {@code rule} says what it must be.
     */
    public PropertyRules require(boolean valid, String field, Object value, String rule) {
        if (!valid) {
            errors.rejectValue(field, "invalid", prefix + "." + kebab(field) + " " + rule + " (was " + value + ")");
        }
        return this;
    }

    public PropertyRules positive(String field, Duration value) {
        return require(value != null && !value.isNegative() && !value.isZero(), field, value, "must be positive");
    }

    public PropertyRules notNegative(String field, Duration value) {
        return require(value != null && !value.isNegative(), field, value, "must not be negative");
    }

    public PropertyRules atLeast(String field, long value, long min) {
        return require(value >= min, field, value, "must be at least " + min);
    }

    /** {@code first} no longer than {@code second}, both set. */
    public PropertyRules notLonger(String field, Duration first, String otherField, Duration second) {
        boolean valid = first == null || second == null || first.compareTo(second) <= 0;
        return require(valid, field, first, "must not be longer than " + kebab(otherField) + " (" + second + ")");
    }

    /** {@code retryAttempts} → {@code retry-attempts}, {@code retry.maxInterval} → {@code retry.max-interval}. */
    static String kebab(String field) {
        Objects.requireNonNull(field, "field");
        StringBuilder name = new StringBuilder();
        for (char c : field.toCharArray()) {
            if (Character.isUpperCase(c)) {
                name.append('-').append(Character.toLowerCase(c));
            }
            else {
                name.append(c);
            }
        }
        return name.toString();
    }
}
