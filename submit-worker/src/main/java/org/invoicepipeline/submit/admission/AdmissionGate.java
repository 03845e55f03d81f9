package org.invoicepipeline.submit.admission;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.invoicepipeline.client.InvoiceExtractionClient;
import org.invoicepipeline.client.model.CreditsBalance;
import org.invoicepipeline.client.model.ExtractionState;
import org.invoicepipeline.common.kafka.StageBackPressureException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether the stage may submit now. Submissions wait (the container pauses, the record is
 * redelivered later, nothing is dead-lettered) while the account already runs as many extractions as its
 * concurrency limit allows ({@link ConcurrencyDecision}; the in-flight count from {@link InFlightExtractions}), while
 * the usable credits (balance − reserved, read at most once per cache TTL) cannot pay for a session's files, or
 * while the API pauses submissions. The state is visible as the gauge {@code pipeline.submit.admission.paused}
 * (1 while holding) and in the logs; the in-flight estimate as {@code pipeline.submit.admission.in.flight}.
 */
public class AdmissionGate {

    /** Reason of a hold for lack of credits. */
    public static final String INSUFFICIENT_CREDITS = "INSUFFICIENT_CREDITS";
    /** Reason of a hold while the account runs as many extractions as it may. */
    public static final String CONCURRENT_TASK_LIMIT = "CONCURRENT_TASK_LIMIT";
    /** Reason of a hold while the API pauses submissions. */
    public static final String SUBMISSIONS_PAUSED = "SUBMISSIONS_PAUSED";

    private static final Logger log = LoggerFactory.getLogger(AdmissionGate.class);

    /** Shortest interval between two reads of the balance, whatever the cache TTL. */
    private static final Duration MINIMUM_REFRESH = Duration.ofSeconds(1);

    /**
     * Admission settings.
     *
     * @param concurrencyLimit      extractions the account may run at once (0: not checked)
     * @param inFlightCacheTtl      how long a reading of the in-flight extractions is trusted while it leaves room
     * @param concurrencyLimitWait  how long the stage holds at the limit before it reads again
     */
    public record Settings(boolean enabled, int creditsPerFile, Duration creditsCacheTtl,
                           Duration insufficientCreditsWait, int concurrencyLimit, Duration inFlightCacheTtl,
                           Duration concurrencyLimitWait) {

        /** Admission by credits only. */
        public Settings(boolean enabled, int creditsPerFile, Duration creditsCacheTtl, Duration insufficientCreditsWait) {
            this(enabled, creditsPerFile, creditsCacheTtl, insufficientCreditsWait, 0, Duration.ofSeconds(2),
                    Duration.ofSeconds(1));
        }
    }

    private final InvoiceExtractionClient client;
    private final Settings settings;
    private final Clock clock;
    private final MeterRegistry registry;
    private final AtomicInteger paused = new AtomicInteger();
    private final InFlightExtractions inFlight;
    private final AtomicInteger inFlightEstimate = new AtomicInteger();

    private long cachedUsable;
    private Instant cachedAt;

    public AdmissionGate(InvoiceExtractionClient client, Settings settings, Clock clock, MeterRegistry registry) {
        this(client, settings, new InFlightExtractions(client,
                List.of(ExtractionState.PROCESSING, ExtractionState.INPUT_REQUIRED), clock), clock, registry);
    }

    public AdmissionGate(InvoiceExtractionClient client, Settings settings, InFlightExtractions inFlight, Clock clock,
                         MeterRegistry registry) {
        this.inFlight = inFlight;
        this.client = client;
        this.settings = settings;
        this.clock = clock;
        this.registry = registry;
        Gauge.builder("pipeline.submit.admission.paused", paused, AtomicInteger::get)
                .description("1 while the submit stage holds submissions (concurrency limit, credits short or submissions paused)")
                .register(registry);
        Gauge.builder("pipeline.submit.admission.in.flight", inFlightEstimate, AtomicInteger::get)
                .description("The account's extractions in flight as admission counts them (last listing + admitted since)")
                .register(registry);
    }

    /**
     * Throws {@link StageBackPressureException} unless the account has room for one more extraction and can pay for
     * {@code fileCount} files; on return the extraction holds a place under the concurrency limit until the next
     * reading (give it back with {@link #notSubmitted()} when the submission fails).
     */
    public synchronized void admit(String uploadSessionId, int fileCount) {
        if (!settings.enabled()) {
            return;
        }
        admitByConcurrency(uploadSessionId);
        try {
            admitByCredits(uploadSessionId, fileCount);
        }
        catch (RuntimeException e) {
            releasePlace();
            throw e;
        }
    }

    private void admitByConcurrency(String uploadSessionId) {
        int limit = settings.concurrencyLimit();
        ConcurrencyDecision.Verdict verdict = decideByConcurrency();
        if (verdict == ConcurrencyDecision.Verdict.READ_AGAIN) {
            inFlight.read();
            verdict = decideByConcurrency();
        }
        inFlightEstimate.set(inFlight.estimate());
        if (verdict != ConcurrencyDecision.Verdict.ADMIT) {
            hold(CONCURRENT_TASK_LIMIT, "session " + uploadSessionId + ": " + inFlight.estimate() + " extraction(s) in flight, "
                    + "limit " + limit, settings.concurrencyLimitWait());
        }
        if (limit > 0) {
            inFlight.reserve();
            inFlightEstimate.set(inFlight.estimate());
        }
    }

    private ConcurrencyDecision.Verdict decideByConcurrency() {
        return ConcurrencyDecision.decide(settings.concurrencyLimit(), inFlight.listed(), inFlight.submittedSince(),
                inFlight.readingAge(), settings.inFlightCacheTtl(), settings.concurrencyLimitWait());
    }

    /** An admitted session's submission failed: its place under the concurrency limit is free again. */
    public synchronized void notSubmitted() {
        releasePlace();
    }

    private void releasePlace() {
        if (settings.concurrencyLimit() > 0) {
            inFlight.release();
            inFlightEstimate.set(inFlight.estimate());
        }
    }

    private void admitByCredits(String uploadSessionId, int fileCount) {
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
                .description("Times a submission was held back (concurrency limit, credits short, submissions paused)")
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
