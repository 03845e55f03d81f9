package org.invoicepipeline.sandbox.account;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** The live, thread-safe counters of one account. */
public final class CounterBook {

    private final Map<String, Map<Integer, LongAdder>> calls = new ConcurrentHashMap<>();
    private final LongAdder rateLimited = new LongAdder();
    private final LongAdder sessionsCreated = new LongAdder();
    private final LongAdder partsUploaded = new LongAdder();
    private final LongAdder filesCompleted = new LongAdder();
    private final Map<String, LongAdder> extractionsBySubmissionId = new ConcurrentHashMap<>();
    private final LongAdder pagesCharged = new LongAdder();
    private final AtomicLong maxConcurrent = new AtomicLong();

    public void call(String operationId, int status) {
        calls.computeIfAbsent(operationId, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(status, k -> new LongAdder()).increment();
        if (status == 429) {
            rateLimited.increment();
        }
    }

    public void sessionCreated() {
        sessionsCreated.increment();
    }

    public void partUploaded() {
        partsUploaded.increment();
    }

    public void fileCompleted() {
        filesCompleted.increment();
    }

    public void extractionCreated(String submissionId) {
        extractionsBySubmissionId.computeIfAbsent(submissionId, k -> new LongAdder()).increment();
    }

    public void pagesCharged(long pages) {
        pagesCharged.add(pages);
    }

    public void running(long runningNow) {
        maxConcurrent.accumulateAndGet(runningNow, Math::max);
    }

    public AccountCounters snapshot(CreditsSnapshot credits) {
        Map<String, Map<Integer, Long>> callsCopy = new TreeMap<>();
        calls.forEach((op, byStatus) -> {
            Map<Integer, Long> statuses = new TreeMap<>();
            byStatus.forEach((status, n) -> statuses.put(status, n.sum()));
            callsCopy.put(op, Map.copyOf(statuses));
        });
        Map<String, Long> submissions = new TreeMap<>();
        extractionsBySubmissionId.forEach((id, n) -> submissions.put(id, n.sum()));
        return new AccountCounters(Map.copyOf(callsCopy), rateLimited.sum(), sessionsCreated.sum(),
                partsUploaded.sum(), filesCompleted.sum(), Map.copyOf(submissions), pagesCharged.sum(), credits,
                maxConcurrent.get());
    }

    public void reset() {
        calls.clear();
        rateLimited.reset();
        sessionsCreated.reset();
        partsUploaded.reset();
        filesCompleted.reset();
        extractionsBySubmissionId.clear();
        pagesCharged.reset();
        maxConcurrent.set(0);
    }
}
