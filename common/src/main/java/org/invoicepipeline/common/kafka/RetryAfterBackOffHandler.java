package org.invoicepipeline.common.kafka;

import java.time.Duration;

import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.listener.BackOffHandler;
import org.springframework.kafka.listener.ListenerContainerPauseService;
import org.springframework.kafka.listener.ListenerUtils;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Waits out a back-off without ever blocking the consumer past {@code max.poll.interval.ms}: the wait is the
 * longer of the computed back-off and the API's Retry-After; short waits are slept (stoppably), longer ones
 * pause the container, which keeps polling (and so stays in the group) until the pause service resumes it.
 * The error handler has already sought back to the failed record, so it is redelivered after the wait.
 */
public class RetryAfterBackOffHandler implements BackOffHandler {

    private final ListenerContainerPauseService pauseService;
    private final Duration maxBlockingSleep;

    public RetryAfterBackOffHandler(ListenerContainerPauseService pauseService, Duration maxBlockingSleep) {
        this.pauseService = pauseService;
        this.maxBlockingSleep = maxBlockingSleep;
    }

    @Override
    public void onNextBackOff(@Nullable MessageListenerContainer container, @Nullable Exception exception,
                              long nextBackOff) {
        long wait = effectiveWait(exception, nextBackOff);
        if (container != null && wait > maxBlockingSleep.toMillis()) {
            pauseService.pause(container, Duration.ofMillis(wait));
            return;
        }
        sleep(container, wait);
    }

    @Override
    public void onNextBackOff(MessageListenerContainer container, TopicPartition partition, long nextBackOff) {
        if (nextBackOff > maxBlockingSleep.toMillis()) {
            pauseService.pausePartition(container, partition, Duration.ofMillis(nextBackOff));
        }
        else {
            sleep(container, nextBackOff);
        }
    }

    /** The computed back-off, unless the failure names a longer wait (Retry-After, back-pressure). */
    static long effectiveWait(@Nullable Exception exception, long nextBackOff) {
        if (exception == null) {
            return nextBackOff;
        }
        return FailureClassifier.classify(exception).retryAfterHint()
                .map(Duration::toMillis)
                .filter(hint -> hint > nextBackOff)
                .orElse(nextBackOff);
    }

    private static void sleep(@Nullable MessageListenerContainer container, long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            ListenerUtils.stoppableSleep(container, millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
