package org.invoicepipeline.sandbox.storage;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import org.invoicepipeline.sandbox.account.Account;
import org.invoicepipeline.sandbox.account.AccountRegistry;
import org.invoicepipeline.sandbox.api.OutputLinks;
import org.invoicepipeline.sandbox.engine.Extraction;
import org.invoicepipeline.sandbox.engine.ExtractionEngine;
import org.invoicepipeline.sandbox.fault.FaultPlan;
import org.invoicepipeline.sandbox.http.ApiRequest;
import org.invoicepipeline.sandbox.http.ApiResponse;
import org.invoicepipeline.sandbox.http.ExchangeWriter;
import org.invoicepipeline.sandbox.http.Operation;
import org.invoicepipeline.sandbox.http.RequestBodies;
import org.invoicepipeline.sandbox.upload.UploadService;

/**
 * The sandbox's object storage behind signed URLs, answering as S3 does: {@code PUT} of a part
 * (no auth, quoted MD5 ETag) and {@code GET} of an output file; errors are S3-style XML.
 */
public final class StorageHandler implements HttpHandler {

    private final SignedUrls signedUrls;
    private final AccountRegistry accounts;
    private final UploadService uploads;
    private final ExtractionEngine engine;
    private final FaultPlan faults;
    private final ScheduledExecutorService scheduler;
    private final Executor executor;

    public StorageHandler(SignedUrls signedUrls, AccountRegistry accounts, UploadService uploads,
                          ExtractionEngine engine, FaultPlan faults, ScheduledExecutorService scheduler,
                          Executor executor) {
        this.signedUrls = signedUrls;
        this.accounts = accounts;
        this.uploads = uploads;
        this.engine = engine;
        this.faults = faults;
        this.scheduler = scheduler;
        this.executor = executor;
    }

    @Override
    public void handle(HttpExchange exchange) {
        String path = exchange.getRequestURI().getRawPath();
        String method = exchange.getRequestMethod();
        byte[] body = RequestBodies.read(exchange);
        ApiRequest request = new ApiRequest(method, path, exchange.getRequestURI().getRawQuery(),
                exchange.getRequestHeaders(), body);
        Operation operation;
        if ("PUT".equals(method) && path.startsWith(UploadService.PART_PATH_PREFIX)) {
            operation = Operation.UPLOAD_PART;
        } else if (("GET".equals(method) || "HEAD".equals(method)) && path.startsWith(OutputLinks.PATH_PREFIX)) {
            operation = Operation.DOWNLOAD_OUTPUT;
        } else {
            ExchangeWriter.write(exchange, s3Error(404, "NoSuchKey", "The specified key does not exist."));
            return;
        }
        if (faults.signedUrlsRefused(operation)) {
            ExchangeWriter.write(exchange, s3Error(403, "AccessDenied", "Request has expired"));
            return;
        }
        switch (signedUrls.verify(path, request.queryParameters())) {
            case BAD_SIGNATURE -> {
                ExchangeWriter.write(exchange, s3Error(403, "SignatureDoesNotMatch",
                        "The request signature we calculated does not match the signature you provided."));
                return;
            }
            case EXPIRED -> {
                ExchangeWriter.write(exchange, s3Error(403, "AccessDenied", "Request has expired"));
                return;
            }
            case VALID -> {
                // carry on
            }
        }
        Optional<Duration> latency = faults.latency(operation);
        if (latency.isPresent()) {
            scheduler.schedule(() -> executor.execute(() -> serve(exchange, operation, path, body)),
                    latency.get().toNanos(), TimeUnit.NANOSECONDS);
        } else {
            serve(exchange, operation, path, body);
        }
    }

    private void serve(HttpExchange exchange, Operation operation, String path, byte[] body) {
        if (faults.injectedError(operation).isPresent()) {
            ExchangeWriter.write(exchange, s3Error(500, "InternalError", "We encountered an internal error. Please try again."));
            return;
        }
        ApiResponse response;
        Optional<Account> owner;
        if (operation == Operation.UPLOAD_PART) {
            Optional<UploadService.PartTarget> target = UploadService.PartTarget.parse(path);
            owner = target.flatMap(t -> accounts.byId(t.accountId()));
            Optional<String> etag = owner.flatMap(account -> uploads.storePart(account, target.get(), body));
            response = etag.map(tag -> ApiResponse.bytes(200, null, new byte[0]).header("ETag", tag))
                    .orElseGet(() -> s3Error(404, "NoSuchUpload", "The specified upload does not exist. The upload "
                            + "may have been completed or aborted."));
        } else {
            Optional<OutputLinks.Target> target = OutputLinks.Target.parse(path);
            owner = target.flatMap(t -> accounts.byId(t.accountId()));
            Optional<byte[]> file = owner.flatMap(account -> engine.find(account, target.get().extractionId()))
                    .flatMap((Extraction e) -> e.output(target.get().format()));
            response = file.map(bytes -> ApiResponse.bytes(200, target.get().format().contentType(), bytes)
                            .header("Content-Disposition", "attachment; filename=\"extraction-"
                                    + target.get().extractionId() + "." + target.get().format().wireValue() + "\""))
                    .orElseGet(() -> s3Error(404, "NoSuchKey", "The specified key does not exist."));
        }
        if (faults.dropConnection(operation)) {
            owner.ifPresent(account -> account.counters().call(operation.operationId(), 0));
            ExchangeWriter.drop(exchange);
            return;
        }
        owner.ifPresent(account -> account.counters().call(operation.operationId(), response.status()));
        ExchangeWriter.write(exchange, response);
    }

    private static ApiResponse s3Error(int status, String code, String message) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + message
                + "</Message></Error>";
        return ApiResponse.bytes(status, "application/xml", xml.getBytes(StandardCharsets.UTF_8));
    }
}
