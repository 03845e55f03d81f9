package org.invoicepipeline.client.http;

import org.invoicepipeline.client.Operation;
import org.invoicepipeline.client.RetryPolicy;
import org.invoicepipeline.client.SignedUrlException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Fresh signed URLs are asked for with back-off for a time window after the first refusal, not a count of tries. */
class SignedUrlRetryTest {

    private final List<Duration> slept = new ArrayList<>();
    private long now;
    private final SignedUrlRetry retry = new SignedUrlRetry(Duration.ofSeconds(60),
            new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(10)),
            duration -> {
                slept.add(duration);
                now += duration.toNanos();
            },
            () -> now);

    private static SignedUrlException refused(int status) {
        return new SignedUrlException(Operation.UPLOAD_PART, status, "http://storage/part?<redacted>");
    }

    @Test
    void refusalsAreWaitedOutUntilTheWindowHasPassedHoweverManyTheyAre() {
        SignedUrlRetry.Refusals refusals = retry.start();

        int waits = 0;
        try {
            while (true) {
                refusals.awaitFreshUrl(refused(403));
                waits++;
            }
        } catch (SignedUrlException gaveUp) {
            assertThat(gaveUp.httpStatus()).isEqualTo(403);
        }

        assertThat(waits).as("more than the client's 5 attempts: bounded by time").isGreaterThan(5);
        assertThat(Duration.ofNanos(now)).isEqualTo(Duration.ofSeconds(60));
        assertThat(slept).allSatisfy(wait -> assertThat(wait).isLessThanOrEqualTo(Duration.ofSeconds(8)));
    }

    @Test
    void theWaitsBackOffExponentiallyWithJitter() {
        SignedUrlRetry.Refusals refusals = retry.start();
        for (int i = 0; i < 5; i++) {
            refusals.awaitFreshUrl(refused(503));
        }

        assertThat(slept.get(0)).isLessThanOrEqualTo(Duration.ofMillis(500));
        assertThat(slept.get(4)).isLessThanOrEqualTo(Duration.ofSeconds(8));
        assertThat(slept.stream().mapToLong(Duration::toNanos).sum()).as("not immediate refreshes").isPositive();
    }

    @Test
    void anAnswerNoFreshUrlCanChangeIsRethrownAtOnce() {
        SignedUrlException gone = refused(404);

        assertThatThrownBy(() -> retry.start().awaitFreshUrl(gone)).isSameAs(gone);
        assertThat(slept).isEmpty();
    }

    @Test
    void eachTransferHasItsOwnWindow() {
        SignedUrlRetry.Refusals first = retry.start();
        first.awaitFreshUrl(refused(403));
        now += Duration.ofSeconds(61).toNanos();
        assertThatThrownBy(() -> first.awaitFreshUrl(refused(403))).isInstanceOf(SignedUrlException.class);

        retry.start().awaitFreshUrl(refused(403));
    }
}
