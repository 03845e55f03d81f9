package org.invoicepipeline.upload.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.invoicepipeline.common.kafka.RecordRejectedException;
import org.invoicepipeline.common.storage.S3Connection;
import org.invoicepipeline.upload.validation.RejectionCodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real SDK client as {@link S3Connection} builds it, against an HTTP server that answers as S3 does when it
 * throttles or refuses (S3Mock does neither): 503 SlowDown and 500 are retried until an answer comes; 403 is
 * answered at once, never retried.
 */
class S3ClientRetryTest {

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile List<Integer> statuses = List.of();
    private S3SourceStore store;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            int n = requests.getAndIncrement();
            int status = n < statuses.size() ? statuses.get(n) : 200;
            exchange.getResponseHeaders().add("ETag", "\"e1\"");
            exchange.getResponseHeaders().add("Content-Length", status == 200 ? "42" : "0");
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        S3Connection connection = new S3Connection();
        connection.setEndpoint(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
        connection.setPathStyleAccess(true);
        connection.setMaxAttempts(4);
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        store = new S3SourceStore(connection.newClient(), new S3Locations(List.of("s3://inbox/")));
    }

    @AfterEach
    void stop() {
        store.close();
        server.stop(0);
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @Test
    void throttlingAndServerErrorsAreRetried() {
        statuses = List.of(503, 500, 503);

        SourceObject object = store.resolve(URI.create("s3://inbox/inv.pdf"));

        assertThat(object.sizeBytes()).isEqualTo(42);
        assertThat(requests.get()).as("three refusals, then the answer").isEqualTo(4);
    }

    @Test
    void throttlingPastTheAttemptsAsksForARetryLater() {
        statuses = List.of(503, 503, 503, 503, 503);

        assertThatThrownBy(() -> store.resolve(URI.create("s3://inbox/inv.pdf")))
                .isInstanceOf(SourceUnavailableException.class);
        assertThat(requests.get()).isEqualTo(4);
    }

    @Test
    void accessDeniedIsNotRetried() {
        statuses = List.of(403);

        assertThatThrownBy(() -> store.resolve(URI.create("s3://inbox/inv.pdf")))
                .isInstanceOfSatisfying(RecordRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo(RejectionCodes.SOURCE_ACCESS_DENIED));
        assertThat(requests.get()).isEqualTo(1);
    }
}
