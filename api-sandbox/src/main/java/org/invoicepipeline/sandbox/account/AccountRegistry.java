package org.invoicepipeline.sandbox.account;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.invoicepipeline.sandbox.ratelimit.RateLimiter;

/** The configured API keys, each its own account. Keys can be added at runtime through the control API. */
public final class AccountRegistry {

    private final Map<String, Account> byKey = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private final long initialCredits;
    private final Supplier<RateLimiter> rateLimiters;

    public AccountRegistry(Collection<String> apiKeys, long initialCredits, Supplier<RateLimiter> rateLimiters) {
        this.initialCredits = initialCredits;
        this.rateLimiters = rateLimiters;
        apiKeys.forEach(this::add);
    }

    /** Registers a key (no-op when already known) and answers its account. */
    public Account add(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("An API key must not be blank");
        }
        return byKey.computeIfAbsent(apiKey,
                k -> new Account("acct_" + sequence.incrementAndGet(), k, initialCredits, rateLimiters.get()));
    }

    /** The account of a presented key, compared in constant time. */
    public Optional<Account> find(String presentedKey) {
        Account direct = byKey.get(presentedKey);
        if (direct != null && direct.hasKey(presentedKey)) {
            return Optional.of(direct);
        }
        return Optional.empty();
    }

    /** The account of a configured key; fails loudly for a key the sandbox does not know. */
    public Account require(String apiKey) {
        return find(apiKey).orElseThrow(() -> new IllegalArgumentException("Unknown API key"));
    }

    /** The account with an internal id (as used in signed URLs). */
    public Optional<Account> byId(String accountId) {
        return byKey.values().stream().filter(a -> a.id().equals(accountId)).findFirst();
    }

    public List<Account> all() {
        return List.copyOf(byKey.values());
    }
}
