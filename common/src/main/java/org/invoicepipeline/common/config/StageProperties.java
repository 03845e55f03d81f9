package org.invoicepipeline.common.config;

import java.time.Duration;
import java.util.Objects;

import org.invoicepipeline.common.kafka.StageRetryProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * What every stage's {@code @ConfigurationProperties} has, under {@code pipeline.<stage>}: {@code retry.*} and
 * {@code publish-timeout}. Validates itself at binding (Boot applies a properties class that is a {@link Validator};
 * {@code @Validated} would need a Jakarta Validation provider, which the workers do not ship): a value the stage
 * cannot work with fails the start, naming the property. A stage adds its own checks by overriding
 * {@link #validate(PropertyRules)}.
 *
 * @param <R> the stage's retry settings ({@link StageRetryProperties} or a stage's extension of it)
 */
public abstract class StageProperties<R extends StageRetryProperties> implements Validator {

    private final String prefix;

    /** Redeliveries of a record that failed with a retryable error, before it is dead-lettered. */
    @NestedConfigurationProperty
    private final R retry;

    /**
     * Longest wait for the broker to acknowledge what the stage publishes (events, dead letters, DEAD_LETTERED
     * results) before the input record counts as failed and is retried.
     */
    private Duration publishTimeout = Duration.ofSeconds(30);

    /**
     * @param prefix the properties' prefix, e.g. {@code pipeline.poll}
     * @param retry the stage's retry settings with its defaults
     */
    protected StageProperties(String prefix, R retry) {
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.retry = Objects.requireNonNull(retry, "retry");
    }

    @Override
    public final void validate(Object target, Errors errors) {
        StageProperties<?> properties = (StageProperties<?>) target;
        properties.validate(new PropertyRules(properties.prefix, errors));
    }

    /** Start-up checks; an override adds the stage's own and calls this one. */
    protected void validate(PropertyRules rules) {
        rules.positive("publishTimeout", publishTimeout);
        retry.validate(rules);
    }

    @Override
    public boolean supports(Class<?> type) {
        return getClass().isAssignableFrom(type);
    }

    public R getRetry() {
        return retry;
    }

    public Duration getPublishTimeout() {
        return publishTimeout;
    }

    public void setPublishTimeout(Duration publishTimeout) {
        this.publishTimeout = publishTimeout;
    }
}
