package org.invoicepipeline.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.invoicepipeline.sandbox.SandboxClient.Reply;

/** getExtraction's {@code wait}: answered as soon as the status leaves processing, else after the wait. */
class LongPollTest {

    private static final String KEY = "poll-key";

    static ApiSandbox sandbox;
    static SandboxClient client;

    @BeforeAll
    static void start() {
        // Two HTTP threads only: held requests must not occupy them.
        sandbox = ApiSandbox.builder().apiKey(KEY).rateLimitScale(0).httpThreads(2)
                .pageProcessingTime(Duration.ofMillis(1500)).start();
        client = new SandboxClient(sandbox, KEY);
        Samples.uploadOne(client, "s", 1);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void answersAsSoonAsTheStatusLeavesProcessing() {
        String id = client.submit(Samples.submission("early", "s", List.of("f1")));
        long start = System.nanoTime();
        Reply reply = client.get("/extractions/" + id + "?wait=30");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(reply.body().path("status").asText()).isEqualTo("completed");
        assertThat(took).isGreaterThan(Duration.ofMillis(1000)).isLessThan(Duration.ofSeconds(10));
        assertThat(reply.body().path("output").path("json_url").asText()).startsWith("http://127.0.0.1:");
    }

    @Test
    void answersAnOrdinaryProcessingResponseAfterTheWait() {
        String id = client.submit(Samples.submission("late", "s", List.of("f1")));
        long start = System.nanoTime();
        Reply reply = client.get("/extractions/" + id + "?wait=1");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("status").asText()).isEqualTo("processing");
        assertThat(reply.body().path("progress").asInt()).isZero();
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(950)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void heldRequestsDoNotOccupyServingThreadsAndCountOnce() {
        try (ApiSandbox slow = ApiSandbox.builder().apiKey(KEY).rateLimitScale(0).httpThreads(2)
                .pageProcessingTime(Duration.ofSeconds(60)).start()) {
            SandboxClient slowClient = new SandboxClient(slow, KEY);
            Samples.uploadOne(slowClient, "s", 2);
            String id = slowClient.submit(Samples.submission("held", "s", List.of("f1")));
            List<CompletableFuture<Reply>> held = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                held.add(CompletableFuture.supplyAsync(() -> slowClient.get("/extractions/" + id + "?wait=5")));
            }
            // Six held requests on two serving threads: a plain call is still answered while they wait.
            Reply balance = slowClient.get("/credits/balance");
            assertThat(balance.status()).isEqualTo(200);
            assertThat(held).noneMatch(CompletableFuture::isDone);
            held.forEach(f -> assertThat(f.join().body().path("status").asText()).isEqualTo("processing"));
            assertThat(slow.control().counters(KEY).calls("getExtraction")).isEqualTo(6);
        }
    }

    @Test
    void manyHeldRequestsAreAllAnsweredWhenTheStatusChanges() {
        String id = client.submit(Samples.submission("many", "s", List.of("f1")));
        List<CompletableFuture<Reply>> held = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            held.add(CompletableFuture.supplyAsync(() -> client.get("/extractions/" + id + "?wait=30")));
        }
        held.forEach(f -> assertThat(f.join().body().path("status").asText()).isEqualTo("completed"));
    }

    @Test
    void answersAtOnceWithoutWaitOrWhenNotProcessing() {
        String id = client.submit(Samples.submission("instant", "s", List.of("f1")));
        long start = System.nanoTime();
        assertThat(client.get("/extractions/" + id).body().path("status").asText()).isEqualTo("processing");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));

        assertThat(client.get("/extractions/" + id + "?wait=0").errorCode()).isEqualTo("INVALID_INPUT");
        assertThat(client.get("/extractions/" + id + "?wait=46").errorCode()).isEqualTo("INVALID_INPUT");
        Reply notNumber = client.get("/extractions/" + id + "?wait=soon");
        assertThat(notNumber.details().path("issues").get(0).path("path").toString()).isEqualTo("[\"wait\"]");
    }
}
