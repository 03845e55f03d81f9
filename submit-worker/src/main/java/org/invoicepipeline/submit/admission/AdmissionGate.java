package org.invoicepipeline.submit.admission;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.invoicepipeline.client.InvoiceExtractionClient;
import org.invoicepipeline.client.model.CreditsBalance;
import org.invoicepipeline.common.kafka.StageBackPressureException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether the stage may submit now. Submissions wait (the container pauses, the record is
 * redelivered later, nothing is dead-lettered) while the usable credits (balance − reserved, read at most once
 * per cache TTL) cannot pay for a session's files, or while the API pauses submissions. The state is visible
 * as the gauge {@code pipeline.submit.admission.paused} (1 while holding) and in the logs.
 */
public class AdmissionGate {

    /** Reason of a hold for lack of credits. */
    public static final String INSUFFICIENT_CREDITS = "INSUFFICIENT_CREDITS";
    /** Reason of a hold while the API pauses submissions. */
    public static final String SUBMISSIONS_PAUSED = "SUBMISSIONS_PAUSED";

    private static final Logger log = LoggerFactory.getLogger(AdmissionGate.class);

    /** Shortest interval between two reads of the balance, whatever the cache TTL. */
    private static final Duration MINIMUM_REFRESH = Duration.ofSeconds(1);

    /** Admission settings. */
    public record Settings(boolean enabled, int creditsPerFile, Duration creditsCacheTtl,
                           Duration insufficientCreditsWait) {
    }

    private final InvoiceExtractionClient client;
    private final Settings settings;
    private final Clock clock;
    private final MeterRegistry registry;
    private final AtomicInteger paused = new AtomicInteger();

    private long cachedUsable;
    private Instant cachedAt;

    public AdmissionGate(InvoiceExtractionClient client, Settings settings, Clock clock, MeterRegistry registry) {
        this.client = client;
        this.settings = settings;
        this.clock = clock;
        this.registry = registry;
        Gauge.builder("pipeline.submit.admission.paused", paused, AtomicInteger::get)
                .description("1 while the submit stage holds submissions (credits short or submissions paused)")
                .register(registry);
    }

    /** Throws {@link StageBackPressureException} unless the account can pay for {@code fileCount} files. */
    public synchronized void admit(String uploadSessionId, int fileCount) {
        if (!settings.enabled()) {
            return;
        }
        long required = (long) fileCount * settings.creditsPerFile();
        long usable = usableCredits(required);
        if (usable < required) {
            hold(INSUFFICIENT_CREDITS, "session " + uploadSessionId + " needs " + required + " credit(s), "
                    + usable + " usable", settings.insufficientCreditsWait());
        }
    }

    /** The API accepted a submission: the stage runs, and the cached balance is debited by the estimate. */
    public synchronized void submitted(int fileCount) {
        cachedUsable -= (long) fileCount * settings.creditsPerFile();
        if (paused.getAndSet(0) == 1) {
            log.info("submit stage resumes submissions");
        }
    }

    /** The API refused to take submissions for now: hold for {@code wait}. */
    public synchronized void submissionsPaused(String message, Duration wait) {
        hold(SUBMISSIONS_PAUSED, message, wait);
    }

    /** Whether the stage currently holds submissions. */
    public boolean isHolding() {
        return paused.get() == 1;
    }

    private void hold(String reason, String message, Duration wait) {
        if (paused.getAndSet(1) == 0) {
            log.warn("submit stage holds submissions: {} ({}); retrying every {}", reason, message, wait);
        }
        Counter.builder("pipeline.submit.admission.holds").tag("reason", reason)
                .description("Times a submission was held back (credits short, submissions paused)")
                .register(registry).increment();
        throw new StageBackPressureException(reason, message, wait);
    }

    /**
     * The usable credits: the cached value while it is younger than the cache TTL and covers {@code required};
     * otherwise read again, but never more than once a second (the balance endpoint allows 60 calls a minute).
     */
    private long usableCredits(long required) {
        Instant now = clock.instant();
        boolean reread = cachedAt == null || !now.isBefore(cachedAt.plus(settings.creditsCacheTtl()))
                || (cachedUsable < required && !now.isBefore(cachedAt.plus(MINIMUM_REFRESH)));
        if (reread) {
            CreditsBalance balance = client.getCreditsBalance();
            cachedUsable = balance.available();
            cachedAt = now;
        }
        return cachedUsable;
    }
}
