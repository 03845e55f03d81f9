package org.invoicepipeline.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.invoicepipeline.sandbox.SandboxClient.Reply;
import org.invoicepipeline.sandbox.account.KeyState;

/** Bearer keys (missing, unknown, expired, revoked), the error envelope, unknown paths. */
class AuthAndRoutingTest {

    static ApiSandbox sandbox;
    static SandboxClient client;

    @BeforeAll
    static void start() {
        sandbox = ApiSandbox.builder().apiKey("good").apiKey("old").apiKey("bad").rateLimitScale(0).start();
        client = new SandboxClient(sandbox, "good");
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void missingOrUnknownKeysAreUnauthenticated() {
        Reply missing = client.withKey(null).get("/credits/balance");
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.errorCode()).isEqualTo("UNAUTHENTICATED");
        assertThat(missing.body().path("success").asBoolean()).isFalse();
        assertThat(missing.body().path("error").path("retryable").asBoolean()).isFalse();
        assertThat(missing.body().path("error").path("details").isNull()).isTrue();
        assertThat(missing.body().path("error").path("message").asText()).isNotBlank();
        assertThat(client.withKey("nope").get("/credits/balance").errorCode()).isEqualTo("UNAUTHENTICATED");
        Reply basic = client.send(client.request("/credits/balance").setHeader("Authorization", "Basic Z29vZA=="));
        assertThat(basic.errorCode()).isEqualTo("UNAUTHENTICATED");
        assertThat(client.get("/credits/balance").status()).isEqualTo(200);
    }

    @Test
    void expiredAndRevokedKeysAreRefused() {
        sandbox.control().setKeyState("old", KeyState.EXPIRED).setKeyState("bad", KeyState.REVOKED);
        Reply expired = client.withKey("old").get("/credits/balance");
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.errorCode()).isEqualTo("API_KEY_EXPIRED");
        Reply revoked = client.withKey("bad").post("/extractions", Map.of());
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.errorCode()).isEqualTo("API_KEY_REVOKED");
        assertThat(sandbox.control().counters("old").calls("getCreditsBalance", 401)).isEqualTo(1);
        sandbox.control().setKeyState("old", KeyState.ACTIVE);
        assertThat(client.withKey("old").get("/credits/balance").status()).isEqualTo(200);
    }

    @Test
    void unknownPathsAndMethodsAreNotFound() {
        for (Reply reply : new Reply[] {
                client.get("/invoices"),
                client.get("/uploads/sessions"),
                client.send(client.request("/credits/balance").POST(HttpRequest.BodyPublishers.noBody())),
                client.get("/extractions/a/b/c"),
                client.getUrl(sandbox.origin() + "/"),
                client.getUrl(sandbox.origin() + "/v2/credits/balance")}) {
            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.errorCode()).isEqualTo("NOT_FOUND");
            assertThat(reply.body().path("error").path("retryable").asBoolean()).isFalse();
        }
        assertThat(client.getUrl(sandbox.origin() + "/_storage/other").status()).isEqualTo(404);
    }

    @Test
    void bodiesMustBeJsonObjects() {
        for (String body : new String[] {"", "[]", "42", "{", "{\"a\":1} trailing"}) {
            Reply reply = client.postRaw("/uploads/sessions", body);
            assertThat(reply.status()).as(body).isEqualTo(400);
            assertThat(reply.errorCode()).isEqualTo("INVALID_INPUT");
            assertThat(reply.details().path("issues").get(0).path("path").isArray()).isTrue();
        }
    }

    @Test
    void reportsCreditsPerKey() {
        sandbox.control().setCredits("good", 123);
        Reply balance = client.get("/credits/balance");
        assertThat(balance.body().toString())
                .isEqualTo("{\"success\":true,\"credits_balance\":123,\"credits_reserved\":0}");
    }
}
