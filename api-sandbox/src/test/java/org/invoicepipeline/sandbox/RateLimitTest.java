package org.invoicepipeline.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.invoicepipeline.sandbox.SandboxClient.Reply;

/** Per-key rate limits answered with 429 RATE_LIMITED, Retry-After and details.retry_after_seconds. */
class RateLimitTest {

    /** Calls until the first 429; answers the calls allowed and how long the burst took. */
    private record Burst(int allowed, Reply limited, double seconds) {

        /** The most calls a bucket of {@code limit} per {@code windowSeconds} may allow in this burst. */
        int ceiling(int limit, double windowSeconds) {
            return limit + (int) Math.ceil(seconds * limit / windowSeconds) + 1;
        }
    }

    private static Burst burst(java.util.function.IntFunction<Reply> call, int max) {
        long start = System.nanoTime();
        for (int i = 1; i <= max; i++) {
            Reply reply = call.apply(i);
            if (reply.status() == 429) {
                assertRateLimited(reply);
                return new Burst(i - 1, reply, (System.nanoTime() - start) / 1e9);
            }
        }
        throw new AssertionError("No 429 within " + max + " calls");
    }

    private static void assertRateLimited(Reply reply) {
        assertThat(reply.status()).isEqualTo(429);
        assertThat(reply.errorCode()).isEqualTo("RATE_LIMITED");
        assertThat(reply.body().path("error").path("retryable").asBoolean()).isTrue();
        long retryAfter = reply.details().path("retry_after_seconds").asLong();
        assertThat(retryAfter).isPositive();
        assertThat(reply.header("Retry-After")).isEqualTo(Long.toString(retryAfter));
    }

    @Test
    void limitsEachOperationPerKeyAndAnswersRetryAfter() throws InterruptedException {
        try (ApiSandbox sandbox = ApiSandbox.builder().apiKey("a").apiKey("b").rateLimitScale(60).start()) {
            SandboxClient a = new SandboxClient(sandbox, "a");
            Burst credits = burst(i -> a.get("/credits/balance"), 2000);
            // 60 per minute, the window 60x shorter: 60 in a burst, plus what refills while it runs.
            assertThat(credits.allowed()).isBetween(60, credits.ceiling(60, 1.0));
            assertThat(sandbox.control().counters("a").rateLimitedResponses()).isEqualTo(1);
            assertThat(sandbox.control().counters("a").calls("getCreditsBalance", 429)).isEqualTo(1);

            // Other operations and other keys have their own buckets.
            assertThat(a.get("/extractions").status()).isEqualTo(200);
            assertThat(new SandboxClient(sandbox, "b").get("/credits/balance").status()).isEqualTo(200);

            Thread.sleep(1100);
            assertThat(a.get("/credits/balance").status()).isEqualTo(200);

            Burst poll = burst(i -> a.get("/extractions/00000000-0000-0000-0000-000000000000"), 4000);
            assertThat(poll.allowed()).isBetween(120, poll.ceiling(120, 1.0));
        }
    }

    @Test
    void theThreeUploadEndpointsShareOneLimit() throws Exception {
        try (ApiSandbox sandbox = ApiSandbox.builder().apiKey("u").rateLimitScale(1.0).start()) {
            SandboxClient client = new SandboxClient(sandbox, "u");
            Map<String, Object> invalid = Map.of("upload_session_id", "x");
            String[] paths = {"/uploads/sessions", "/uploads/sessions/x/parts", "/uploads/sessions/x/complete"};
            long start = System.nanoTime();
            java.util.concurrent.atomic.AtomicInteger allowed = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(4);
            List<java.util.concurrent.Future<Reply>> firstLimited = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t;
                firstLimited.add(threads.submit(() -> {
                    for (int i = offset; ; i++) {
                        Reply reply = client.post(paths[i % 3], invalid);
                        if (reply.status() == 429) {
                            return reply;
                        }
                        assertThat(reply.errorCode()).isEqualTo("INVALID_INPUT");
                        allowed.incrementAndGet();
                    }
                }));
            }
            Reply limited = null;
            for (var future : firstLimited) {
                limited = future.get(120, java.util.concurrent.TimeUnit.SECONDS);
                assertRateLimited(limited);
            }
            threads.shutdown();
            double seconds = (System.nanoTime() - start) / 1e9;
            // 600 per minute shared by the three endpoints; 10 more per second refill meanwhile.
            assertThat(allowed.get()).isBetween(600, 600 + (int) Math.ceil(seconds * 10) + 4);
            // Each of the three is now limited (a token may have refilled since, so allow a call or two).
            for (String path : paths) {
                boolean limitedNow = false;
                for (int i = 0; i < 3 && !limitedNow; i++) {
                    limitedNow = client.post(path, invalid).status() == 429;
                }
                assertThat(limitedNow).as(path).isTrue();
            }
            assertThat(client.get("/credits/balance").status()).isEqualTo(200);
            Thread.sleep(limited.details().path("retry_after_seconds").asLong() * 1000 + 100);
            assertThat(client.post("/uploads/sessions", invalid).status()).isEqualTo(400);
        }
    }

    @Test
    void submitIsLimitedToThirtyPerMinute() {
        try (ApiSandbox sandbox = ApiSandbox.builder().apiKey("s").rateLimitScale(6).start()) {
            SandboxClient client = new SandboxClient(sandbox, "s");
            Burst submits = burst(i -> client.post("/extractions", Map.of()), 1000);
            assertThat(submits.allowed()).isBetween(30, submits.ceiling(30, 10.0));
            // 30 per 10 s at scale 6: the next token is a third of a second away, answered as 1 s.
            assertThat(submits.limited().details().path("retry_after_seconds").asLong()).isEqualTo(1);
        }
    }

    @Test
    void forcedBurstsAnswer429WithTheChosenRetryAfterAndLimitsCanBeTurnedOff() {
        try (ApiSandbox sandbox = ApiSandbox.builder().apiKey("f").rateLimitScale(0).start()) {
            SandboxClient client = new SandboxClient(sandbox, "f");
            for (int i = 0; i < 300; i++) {
                assertThat(client.get("/credits/balance").status()).isEqualTo(200);
            }
            sandbox.control().forceRateLimit("getCreditsBalance", 2, Duration.ofSeconds(7));
            Reply first = client.get("/credits/balance");
            assertRateLimited(first);
            assertThat(first.header("Retry-After")).isEqualTo("7");
            assertThat(client.get("/credits/balance").status()).isEqualTo(429);
            assertThat(client.get("/credits/balance").status()).isEqualTo(200);
            assertThat(sandbox.control().counters("f").rateLimitedResponses()).isEqualTo(2);
            assertThat(client.get("/extractions").status()).isEqualTo(200);
            assertThat(List.of(sandbox.control().counters("f").calls("getCreditsBalance", 200))).containsExactly(301L);
        }
    }
}
