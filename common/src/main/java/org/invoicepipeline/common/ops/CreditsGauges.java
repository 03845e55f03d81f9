package org.invoicepipeline.common.ops;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The account's credits as last reported to this worker (the credits endpoint, or a completed/cancelled
 * extraction's status): balance, reserved, usable (= balance − reserved). Registered on the first report, so a
 * worker that never learns the balance exports no made-up value.
 */
public final class CreditsGauges {

    public static final String BALANCE = "invoice_extraction.credits.balance";
    public static final String RESERVED = "invoice_extraction.credits.reserved";
    public static final String USABLE = "invoice_extraction.credits.usable";

    private final MeterRegistry registry;
    private final AtomicLong balance = new AtomicLong();
    private final AtomicLong reserved = new AtomicLong();
    private final AtomicBoolean registered = new AtomicBoolean();

    public CreditsGauges(MeterRegistry registry) {
        this.registry = registry;
    }

    public void observed(Long creditsBalance, Long creditsReserved) {
        if (creditsBalance == null || creditsReserved == null) {
            return;
        }
        balance.set(creditsBalance);
        reserved.set(creditsReserved);
        if (registered.compareAndSet(false, true)) {
            Gauge.builder(BALANCE, balance, AtomicLong::get).description("Credits of the account").register(registry);
            Gauge.builder(RESERVED, reserved, AtomicLong::get)
                    .description("Credits reserved by extractions in progress").register(registry);
            Gauge.builder(USABLE, this, self -> self.balance.get() - self.reserved.get())
                    .description("Credits usable for new extractions (balance - reserved)").register(registry);
        }
    }
}
