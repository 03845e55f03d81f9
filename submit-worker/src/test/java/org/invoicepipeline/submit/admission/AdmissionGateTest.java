package org.invoicepipeline.submit.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.invoicepipeline.client.InvoiceExtractionClient;
import org.invoicepipeline.client.model.CreditsBalance;
import org.invoicepipeline.client.model.ExtractionList;
import org.invoicepipeline.client.model.ExtractionState;
import org.invoicepipeline.client.model.ExtractionSummary;
import org.invoicepipeline.client.model.ListExtractionsQuery;
import org.invoicepipeline.common.kafka.StageBackPressureException;
import org.junit.jupiter.api.Test;

class AdmissionGateTest {

    private final AtomicLong credits = new AtomicLong(10);
    private final AtomicInteger balanceReads = new AtomicInteger();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-15T10:00:00Z"));
    private final AdmissionGate gate = new AdmissionGate(client(), new AdmissionGate.Settings(true, 1,
            Duration.ofSeconds(5), Duration.ofSeconds(30)), clock, new SimpleMeterRegistry());

    @Test
    void aBalanceThatCoversTheSessionIsTrustedForTheCacheTtl() {
        gate.admit("us-1", 2);
        gate.admit("us-2", 2);
        clock.advance(Duration.ofSeconds(4));
        gate.admit("us-3", 2);
        assertThat(balanceReads).hasValue(1);

        clock.advance(Duration.ofSeconds(1));
        gate.admit("us-4", 2);
        assertThat(balanceReads).hasValue(2);
    }

    @Test
    void aShortBalanceIsReadAgainButAtMostOnceASecond() {
        credits.set(1);
        assertThatThrownBy(() -> gate.admit("us-1", 2))
                .isInstanceOfSatisfying(StageBackPressureException.class, e -> {
                    assertThat(e.reason()).isEqualTo(AdmissionGate.INSUFFICIENT_CREDITS);
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(30));
                });
        assertThatThrownBy(() -> gate.admit("us-1", 2)).isInstanceOf(StageBackPressureException.class);
        assertThat(balanceReads).hasValue(1);
        assertThat(gate.isHolding()).isTrue();

        credits.set(100);
        clock.advance(Duration.ofSeconds(1));
        gate.admit("us-1", 2);
        assertThat(balanceReads).hasValue(2);

        gate.submitted(2);
        assertThat(gate.isHolding()).isFalse();
    }

    @Test
    void atTheConcurrencyLimitTheStageHoldsUntilAListingShowsRoom() {
        AtomicInteger processing = new AtomicInteger(13);
        AtomicInteger listings = new AtomicInteger();
        AdmissionGate concurrency = concurrencyGate(processing, listings);

        concurrency.admit("us-1", 1);
        concurrency.admit("us-2", 1);
        // 13 listed + 2 admitted since: full, by a listing too young to read again
        assertThatThrownBy(() -> concurrency.admit("us-3", 1))
                .isInstanceOfSatisfying(StageBackPressureException.class, e -> {
                    assertThat(e.reason()).isEqualTo(AdmissionGate.CONCURRENT_TASK_LIMIT);
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(2));
                });
        assertThat(concurrency.isHolding()).isTrue();
        // one call per listed status (processing, input_required)
        assertThat(listings).hasValue(2);

        // two finished: the next listing after the hold shows room
        processing.set(13);
        clock.advance(Duration.ofSeconds(2));
        concurrency.admit("us-3", 1);
        assertThat(listings).hasValue(4);
        concurrency.submitted(1);
        assertThat(concurrency.isHolding()).isFalse();
    }

    @Test
    void aFailedSubmissionGivesItsPlaceBack() {
        AdmissionGate concurrency = concurrencyGate(new AtomicInteger(14), new AtomicInteger());

        concurrency.admit("us-1", 1);
        assertThatThrownBy(() -> concurrency.admit("us-2", 1)).isInstanceOf(StageBackPressureException.class);
        concurrency.notSubmitted();
        concurrency.admit("us-2", 1);
    }

    @Test
    void aCreditsHoldGivesThePlaceBack() {
        credits.set(0);
        AdmissionGate concurrency = concurrencyGate(new AtomicInteger(14), new AtomicInteger());

        assertThatThrownBy(() -> concurrency.admit("us-1", 1))
                .isInstanceOfSatisfying(StageBackPressureException.class,
                        e -> assertThat(e.reason()).isEqualTo(AdmissionGate.INSUFFICIENT_CREDITS));
        credits.set(10);
        clock.advance(Duration.ofSeconds(1));
        concurrency.admit("us-1", 1);
    }

    /** A gate with the default concurrency settings over an account listing {@code processing} extractions (and none waiting). */
    private AdmissionGate concurrencyGate(AtomicInteger processing, AtomicInteger listings) {
        InvoiceExtractionClient client = (InvoiceExtractionClient) Proxy.newProxyInstance(
                InvoiceExtractionClient.class.getClassLoader(), new Class<?>[] {InvoiceExtractionClient.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getCreditsBalance" -> new CreditsBalance(credits.get(), 0);
                    case "listExtractions" -> {
                        listings.incrementAndGet();
                        ListExtractionsQuery query = (ListExtractionsQuery) args[0];
                        int count = query.status() == ExtractionState.PROCESSING ? processing.get() : 0;
                        yield new ExtractionList(Collections.nCopies(count, summary()), false, null);
                    }
                    default -> throw new IllegalStateException("unexpected call " + method.getName());
                });
        return new AdmissionGate(client, new AdmissionGate.Settings(true, 1, Duration.ofSeconds(5),
                Duration.ofSeconds(30), 15, Duration.ofSeconds(3), Duration.ofSeconds(2)), clock,
                new SimpleMeterRegistry());
    }

    private static ExtractionSummary summary() {
        return new ExtractionSummary("e", "s", "t", ExtractionState.PROCESSING, Instant.EPOCH, "api", 1, List.of(), false,
                null, null, null, null, null, null, null, null, null);
    }

    private InvoiceExtractionClient client() {
        return (InvoiceExtractionClient) Proxy.newProxyInstance(InvoiceExtractionClient.class.getClassLoader(),
                new Class<?>[] {InvoiceExtractionClient.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("getCreditsBalance")) {
                        throw new IllegalStateException("unexpected call " + method.getName());
                    }
                    balanceReads.incrementAndGet();
                    return new CreditsBalance(credits.get(), 0);
                });
    }

    private static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
