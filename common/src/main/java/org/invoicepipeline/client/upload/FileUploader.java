package org.invoicepipeline.client.upload;

import org.invoicepipeline.client.InvoiceExtractionClient;
import org.invoicepipeline.client.InvoiceExtractionException;
import org.invoicepipeline.client.Operation;
import org.invoicepipeline.client.SignedUrlException;
import org.invoicepipeline.client.http.SignedUrlRetry;
import org.invoicepipeline.client.model.CompletedFile;
import org.invoicepipeline.client.model.PartUrl;
import org.invoicepipeline.client.model.PartUrls;
import org.invoicepipeline.client.model.UploadedPart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Uploads one registered file: parts are read from the source one at a time and streamed to their signed URLs,
 * which are requested in batches just before use (they expire 15 minutes after issue) and requested again,
 * with back-off for as long as {@link SignedUrlRetry} allows, while storage refuses them. Ends by completing the
 * file with the ETags in part order.
 */
public final class FileUploader {

    private static final Logger log = LoggerFactory.getLogger(FileUploader.class);

    /** URLs older than this are requested again before use (the API's validity is 15 minutes). */
    static final Duration URL_FRESHNESS = Duration.ofMinutes(13);
    private final InvoiceExtractionClient client;
    private final int batchSize;
    private final Clock clock;
    private final SignedUrlRetry refusals;

    /** Replaces refused URLs for the client's {@code signedUrlRetryWindow}, backing off as its retry policy says. */
    public FileUploader(InvoiceExtractionClient client, int batchSize, Clock clock) {
        this(client, batchSize, clock, new SignedUrlRetry(client.options().signedUrlRetryWindow(),
                client.options().retryPolicy(), duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos()),
                System::nanoTime));
    }

    public FileUploader(InvoiceExtractionClient client, int batchSize, Clock clock, SignedUrlRetry refusals) {
        if (batchSize < 1 || batchSize > 1000) {
            throw new IllegalArgumentException("batchSize must be 1 to 1000, was " + batchSize);
        }
        this.client = client;
        this.batchSize = batchSize;
        this.clock = clock;
        this.refusals = refusals;
    }

    public CompletedFile upload(String uploadSessionId, String fileId, long partSize, UploadSource source) {
        PartPlan plan = new PartPlan(source.sizeBytes(), partSize);
        List<UploadedPart> uploaded = new ArrayList<>(plan.partCount());
        for (int first = 1; first <= plan.partCount(); first += batchSize) {
            int last = Math.min(plan.partCount(), first + batchSize - 1);
            UrlBatch batch = new UrlBatch(uploadSessionId, fileId, first, last);
            for (int part = first; part <= last; part++) {
                uploaded.add(new UploadedPart(part, uploadPart(batch, plan, part, source)));
            }
        }
        log.debug("Uploaded {} part(s) of file {} in session {}", plan.partCount(), fileId, uploadSessionId);
        return client.completeFileUpload(uploadSessionId, fileId, uploaded);
    }

    private String uploadPart(UrlBatch batch, PartPlan plan, int part, UploadSource source) {
        SignedUrlRetry.Refusals refused = refusals.start();
        while (true) {
            String url = batch.urlFor(part);
            try {
                return client.uploadPart(url, source, plan.offsetOf(part), plan.lengthOf(part));
            } catch (SignedUrlException e) {
                refused.awaitFreshUrl(e);
                log.debug("Part {} of file {}: signed URL refused (HTTP {}); requesting fresh URLs", part,
                        batch.fileId, e.httpStatus());
                batch.expire();
            }
        }
    }

    /** The URLs of one batch of parts, re-requested (for the parts still to send) when stale or refused. */
    private final class UrlBatch {
        private final String uploadSessionId;
        private final String fileId;
        private final int last;
        private final Map<Integer, String> urls = new HashMap<>();
        private Instant issuedAt;

        UrlBatch(String uploadSessionId, String fileId, int first, int last) {
            this.uploadSessionId = uploadSessionId;
            this.fileId = fileId;
            this.last = last;
        }

        String urlFor(int part) {
            if (issuedAt == null || !urls.containsKey(part)
                    || Duration.between(issuedAt, clock.instant()).compareTo(URL_FRESHNESS) > 0) {
                fetchFrom(part);
            }
            return urls.get(part);
        }

        void expire() {
            issuedAt = null;
        }

        private void fetchFrom(int part) {
            List<Integer> numbers = IntStream.rangeClosed(part, last).boxed().toList();
            Instant requestedAt = clock.instant();
            PartUrls fresh = client.getUploadPartUrls(uploadSessionId, fileId, numbers);
            urls.clear();
            for (PartUrl url : fresh.partUrls()) {
                urls.put(url.partNumber(), url.url());
            }
            if (!urls.containsKey(part)) {
                throw new InvoiceExtractionException(Operation.GET_UPLOAD_PART_URLS,
                        "getUploadPartUrls returned no URL for part " + part + " of file " + fileId, null);
            }
            issuedAt = requestedAt;
        }
    }
}
