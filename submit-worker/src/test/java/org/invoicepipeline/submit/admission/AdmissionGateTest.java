package org.invoicepipeline.submit.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.invoicepipeline.client.InvoiceExtractionClient;
import org.invoicepipeline.client.model.CreditsBalance;
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
