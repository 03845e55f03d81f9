package org.invoicepipeline.common.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.invoicepipeline.client.ApiErrorException;
import org.invoicepipeline.client.ApiTransportException;
import org.invoicepipeline.client.InvoiceExtractionException;
import org.invoicepipeline.client.SignedUrlException;
import org.invoicepipeline.client.upload.UploadSourceException;
import org.invoicepipeline.common.serde.EventDeserializationException;
import org.springframework.kafka.support.serializer.DeserializationException;

/**
 * Maps whatever a stage threw to a {@link StageFailure}: the one place that decides retry versus dead letter
 * for every worker. The first cause in the chain that the pipeline knows wins; Spring's wrapping
 * ({@code ListenerExecutionFailedException}) is looked through.
 */
public final class FailureClassifier {

    /** A record whose bytes are not a valid event of the topic (when the serde gave no more precise code). */
    public static final String POISON_RECORD = "POISON_RECORD";
    /** No HTTP answer from the API after the client's own retries. */
    public static final String API_UNREACHABLE = "API_UNREACHABLE";
    /** A signed storage URL refused a transfer. */
    public static final String SIGNED_URL_REFUSED = "SIGNED_URL_REFUSED";
    /** Reading a source file or another local resource failed. */
    public static final String IO_ERROR = "IO_ERROR";
    /** A file to upload ended before its validated size while it was read (truncated mid-upload). */
    public static final String SOURCE_CHANGED = "SOURCE_CHANGED";
    /** A file to upload could not be read while it was sent (deleted, unreadable). */
    public static final String SOURCE_UNREADABLE = "SOURCE_UNREADABLE";
    /** The Kafka broker did not take or acknowledge a record in time (a retriable Kafka error). */
    public static final String BROKER_UNAVAILABLE = "BROKER_UNAVAILABLE";
    /** Anything else: retried a bounded number of times, then dead-lettered. */
    public static final String PROCESSING_FAILED = "PROCESSING_FAILED";

    /** API codes that only say "not now": 429 after the client's own retries, and a deploy pause. */
    private static final Set<String> WAIT_CODES = Set.of("RATE_LIMITED", "SUBMISSIONS_PAUSED");

    private static final int MAX_MESSAGE_LENGTH = 1_000;

    private FailureClassifier() {
    }

    public static StageFailure classify(Throwable thrown) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = thrown; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            StageFailure known = classifyOne(t);
            if (known != null) {
                return known;
            }
        }
        Throwable root = thrown;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return StageFailure.transientFailure(PROCESSING_FAILED, describe(root), null);
    }

    private static StageFailure classifyOne(Throwable t) {
        if (t instanceof StageBackPressureException pressure) {
            return new StageFailure(pressure.reason(), shorten(pressure.getMessage()), true, pressure.retryAfter(), true);
        }
        if (t instanceof RecordRejectedException rejected) {
            return StageFailure.permanent(rejected.code(), shorten(rejected.getMessage()));
        }
        if (t instanceof EventDeserializationException decoding) {
            return new StageFailure(decoding.code(), shorten(decoding.getMessage()), decoding.retryable(), null, false);
        }
        if (t instanceof DeserializationException || t instanceof SerializationException) {
            return decodingFailureIn(t.getCause())
                    .orElseGet(() -> StageFailure.permanent(POISON_RECORD, describe(t)));
        }
        if (t instanceof ApiErrorException api) {
            // "wait" answers about the account or the API, never about the record: hold, do not dead-letter
            boolean operational = WAIT_CODES.contains(api.code());
            return new StageFailure(api.code(), shorten(api.getMessage()), api.isRetryable() || operational,
                    api.retryAfter().orElse(null), operational);
        }
        if (t instanceof ApiTransportException transport) {
            return StageFailure.transientFailure(API_UNREACHABLE, shorten(transport.getMessage()), null);
        }
        if (t instanceof SignedUrlException signed) {
            return new StageFailure(SIGNED_URL_REFUSED, shorten(signed.getMessage()), signed.isRetryable(), null, false);
        }
        if (t instanceof UploadSourceException source) {
            return StageFailure.permanent(source.sourceChanged() ? SOURCE_CHANGED : SOURCE_UNREADABLE,
                    shorten(source.getMessage()));
        }
        if (t instanceof InvoiceExtractionException client) {
            return new StageFailure(PROCESSING_FAILED, shorten(client.getMessage()), client.isRetryable(), null, false);
        }
        if (t instanceof RetriableException) {
            return StageFailure.transientFailure(BROKER_UNAVAILABLE, describe(t), null);
        }
        if (t instanceof IOException || t instanceof UncheckedIOException) {
            return StageFailure.transientFailure(IO_ERROR, describe(t), null);
        }
        return null;
    }

    /** The serde's own decoding verdict (e.g. {@code NOT_AN_EVENT}) inside a Spring/Kafka wrapper, if any. */
    private static Optional<StageFailure> decodingFailureIn(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof EventDeserializationException decoding) {
                return Optional.of(new StageFailure(decoding.code(), shorten(decoding.getMessage()),
                        decoding.retryable(), null, false));
            }
        }
        return Optional.empty();
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return shorten(t.getClass().getSimpleName() + (message == null ? "" : ": " + message));
    }

    static String shorten(String message) {
        if (message == null) {
            return "";
        }
        return message.length() <= MAX_MESSAGE_LENGTH ? message : message.substring(0, MAX_MESSAGE_LENGTH) + "...";
    }
}
