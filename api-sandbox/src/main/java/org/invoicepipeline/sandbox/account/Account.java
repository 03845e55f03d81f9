package org.invoicepipeline.sandbox.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.invoicepipeline.sandbox.ratelimit.RateLimiter;

/**
 * One API key's account: its own credits, counters and rate limits. The key itself is never
 * exposed; {@link #id()} is a safe label for logs and internal maps.
 */
public final class Account {

    private final String id;
    private final String apiKey;
    private final CreditLedger credits;
    private final CounterBook counters = new CounterBook();
    private volatile RateLimiter rateLimiter;
    private volatile KeyState keyState = KeyState.ACTIVE;

    Account(String id, String apiKey, long initialCredits, RateLimiter rateLimiter) {
        this.id = id;
        this.apiKey = apiKey;
        this.credits = new CreditLedger(initialCredits);
        this.rateLimiter = rateLimiter;
    }

    public String id() {
        return id;
    }

    boolean hasKey(String candidate) {
        return MessageDigest.isEqual(apiKey.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
    }

    public CreditLedger credits() {
        return credits;
    }

    public CounterBook counters() {
        return counters;
    }

    public RateLimiter rateLimiter() {
        return rateLimiter;
    }

    public void resetRateLimits(RateLimiter fresh) {
        this.rateLimiter = fresh;
    }

    public KeyState keyState() {
        return keyState;
    }

    public void keyState(KeyState state) {
        this.keyState = state;
    }

    public AccountCounters countersSnapshot() {
        return counters.snapshot(credits.snapshot());
    }

    @Override
    public String toString() {
        return "Account[" + id + "]";
    }
}
