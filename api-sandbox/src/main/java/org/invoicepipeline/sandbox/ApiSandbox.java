package org.invoicepipeline.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import org.invoicepipeline.sandbox.account.AccountRegistry;
import org.invoicepipeline.sandbox.api.ExtractionEndpoints;
import org.invoicepipeline.sandbox.api.ExtractionViews;
import org.invoicepipeline.sandbox.api.OutputLinks;
import org.invoicepipeline.sandbox.api.UploadEndpoints;
import org.invoicepipeline.sandbox.engine.DocumentPipeline;
import org.invoicepipeline.sandbox.engine.EngineSettings;
import org.invoicepipeline.sandbox.engine.ExtractionEngine;
import org.invoicepipeline.sandbox.engine.StandardDocumentPipeline;
import org.invoicepipeline.sandbox.fault.FaultPlan;
import org.invoicepipeline.sandbox.http.ApiDispatcher;
import org.invoicepipeline.sandbox.http.ApiException;
import org.invoicepipeline.sandbox.http.ApiResponse;
import org.invoicepipeline.sandbox.http.ApiRoute;
import org.invoicepipeline.sandbox.http.ErrorCode;
import org.invoicepipeline.sandbox.http.ExchangeWriter;
import org.invoicepipeline.sandbox.http.Operation;
import org.invoicepipeline.sandbox.http.RequestBodies;
import org.invoicepipeline.sandbox.http.Router;
import org.invoicepipeline.sandbox.ratelimit.RateLimiter;
import org.invoicepipeline.sandbox.storage.SignedUrls;
import org.invoicepipeline.sandbox.storage.StorageHandler;
import org.invoicepipeline.sandbox.time.SandboxClock;
import org.invoicepipeline.sandbox.upload.UploadLimits;
import org.invoicepipeline.sandbox.upload.UploadService;

/**
 * An in-process, stateful emulator of the Invoice Data Extraction API on a local port.
 *
 * <pre>{@code
 * try (ApiSandbox sandbox = ApiSandbox.builder().apiKey("test-key").start()) {
 *     String baseUrl = sandbox.baseUrl();   // http://127.0.0.1:PORT/v1
 *     sandbox.control().failNext("submitExtraction", 1, ErrorCode.INTERNAL_ERROR);
 * }
 * }</pre>
 */
public final class ApiSandbox implements AutoCloseable {

    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm and
        // delayed ACKs add ~40 ms to every keep-alive response. Read once, when the JDK server first loads.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final SandboxSettings settings;
    private final HttpServer server;
    private final ExecutorService httpExecutor;
    private final ExecutorService workers;
    private final ScheduledExecutorService scheduler;
    private final SandboxControl control;
    private final String origin;

    private ApiSandbox(SandboxSettings settings, DocumentPipeline pipeline) throws IOException {
        this.settings = settings;
        SandboxClock clock = new SandboxClock();
        FaultPlan faults = new FaultPlan(clock);
        AccountRegistry accounts = new AccountRegistry(settings.apiKeys(), settings.initialCredits(),
                () -> new RateLimiter(settings.rateLimitScale()));
        this.httpExecutor = new ThreadPoolExecutor(settings.httpThreads(), settings.httpThreads(), 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemonThreads("sandbox-http"));
        this.workers = Executors.newFixedThreadPool(2, daemonThreads("sandbox-engine"));
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, daemonThreads("sandbox-timer"));
        timers.setRemoveOnCancelPolicy(true);
        this.scheduler = timers;

        this.server = HttpServer.create(new InetSocketAddress(settings.bindAddress(), settings.port()), 256);
        this.origin = "http://" + hostForUrl(settings.bindAddress()) + ":" + server.getAddress().getPort();
        SignedUrls signedUrls = new SignedUrls(clock, faults, () -> origin);
        UploadService uploads = new UploadService(signedUrls, clock, settings.partSizeBytes(), settings.partUrlTtl());
        ExtractionEngine engine = new ExtractionEngine(new EngineSettings(settings.pageProcessingTime(),
                settings.concurrentTaskLimit(), settings.outputRetention(), settings.answerWindow(),
                settings.pagesInParallel()),
                pipeline, faults, clock, scheduler, workers);
        OutputLinks outputLinks = new OutputLinks(signedUrls, settings.downloadUrlTtl());
        ExtractionViews views = new ExtractionViews(outputLinks, clock);
        this.control = new SandboxControl(accounts, faults, clock, uploads, engine, settings.rateLimitScale());

        server.setExecutor(httpExecutor);
        server.createContext("/v1/", new ApiDispatcher(routes(new UploadEndpoints(uploads),
                new ExtractionEndpoints(engine, uploads, views, outputLinks, clock, scheduler)),
                accounts, faults, scheduler, httpExecutor));
        server.createContext("/_storage/", new StorageHandler(signedUrls, accounts, uploads, engine, faults, scheduler,
                httpExecutor));
        server.createContext("/_sandbox/", new ControlHttpHandler(control));
        server.createContext("/", exchange -> {
            RequestBodies.read(exchange);
            ExchangeWriter.write(exchange, ApiResponse.error(new ApiException(ErrorCode.NOT_FOUND,
                    "No such endpoint: " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath() + ".",
                    null)));
        });
        server.start();
    }

    private static Router<ApiRoute> routes(UploadEndpoints uploads, ExtractionEndpoints extractions) {
        return new Router<ApiRoute>()
                .add("POST", "/v1/uploads/sessions", new ApiRoute(Operation.CREATE_UPLOAD_SESSION, uploads::createUploadSession))
                .add("POST", "/v1/uploads/sessions/{upload_session_id}/parts",
                        new ApiRoute(Operation.GET_UPLOAD_PART_URLS, uploads::getUploadPartUrls))
                .add("POST", "/v1/uploads/sessions/{upload_session_id}/complete",
                        new ApiRoute(Operation.COMPLETE_FILE_UPLOAD, uploads::completeFileUpload))
                .add("POST", "/v1/extractions", new ApiRoute(Operation.SUBMIT_EXTRACTION, extractions::submitExtraction))
                .add("GET", "/v1/extractions", new ApiRoute(Operation.LIST_EXTRACTIONS, extractions::listExtractions))
                .add("GET", "/v1/extractions/{extraction_id}", new ApiRoute(Operation.GET_EXTRACTION, extractions::getExtraction))
                .add("DELETE", "/v1/extractions/{extraction_id}",
                        new ApiRoute(Operation.DELETE_EXTRACTION, extractions::deleteExtraction))
                .add("GET", "/v1/extractions/{extraction_id}/results",
                        new ApiRoute(Operation.GET_EXTRACTION_RESULTS, extractions::getExtractionResults))
                .add("GET", "/v1/extractions/{extraction_id}/details",
                        new ApiRoute(Operation.GET_EXTRACTION_DETAILS, extractions::getExtractionDetails))
                .add("GET", "/v1/extractions/{extraction_id}/output",
                        new ApiRoute(Operation.GET_OUTPUT_DOWNLOAD_URL, extractions::getOutputDownloadUrl))
                .add("POST", "/v1/extractions/{extraction_id}/cancel",
                        new ApiRoute(Operation.CANCEL_EXTRACTION, extractions::cancelExtraction))
                .add("POST", "/v1/extractions/{extraction_id}/answers",
                        new ApiRoute(Operation.ANSWER_EXTRACTION_QUESTIONS, extractions::answerExtractionQuestions))
                .add("GET", "/v1/credits/balance", new ApiRoute(Operation.GET_CREDITS_BALANCE, extractions::getCreditsBalance));
    }

    private static String hostForUrl(String bindAddress) {
        if ("0.0.0.0".equals(bindAddress)) {
            return "127.0.0.1";
        }
        return bindAddress.contains(":") ? "[" + bindAddress + "]" : bindAddress;
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    public static Builder builder() {
        return new Builder();
    }

    /** What a client is configured with, e.g. {@code http://127.0.0.1:41234/v1}. */
    public String baseUrl() {
        return origin + "/v1";
    }

    /** The scheme, host and port, e.g. {@code http://127.0.0.1:41234}; control endpoints live under {@code /_sandbox/}. */
    public String origin() {
        return origin;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public SandboxSettings settings() {
        return settings;
    }

    /** Runtime fault injection and inspection. */
    public SandboxControl control() {
        return control;
    }

    /** Stops serving at once; held requests are dropped. */
    @Override
    public void close() {
        server.stop(0);
        scheduler.shutdownNow();
        workers.shutdownNow();
        httpExecutor.shutdownNow();
    }

    /** Builds and starts a sandbox; defaults are the documented behaviour of the real API. */
    public static final class Builder {
        private final List<String> apiKeys = new ArrayList<>();
        private long credits = 10_000;
        private double rateLimitScale = 1.0;
        private Duration pageProcessingTime = Duration.ofSeconds(2);
        private String bindAddress = "127.0.0.1";
        private int port;
        private long partSizeBytes = UploadLimits.DOCUMENTED_PART_SIZE;
        private Duration partUrlTtl = Duration.ofMinutes(15);
        private Duration downloadUrlTtl = Duration.ofMinutes(5);
        private Duration outputRetention = Duration.ofDays(90);
        private int concurrentTaskLimit = 15;
        private int pagesInParallel = SandboxSettings.DEFAULT_PAGES_IN_PARALLEL;
        private Duration answerWindow = Duration.ofHours(40);
        private int httpThreads = 16;
        private DocumentPipeline documentPipeline;

        private Builder() {
        }

        /** Adds an accepted key (repeatable); each key is its own account. */
        public Builder apiKey(String apiKey) {
            apiKeys.add(apiKey);
            return this;
        }

        public Builder apiKeys(Collection<String> keys) {
            apiKeys.addAll(keys);
            return this;
        }

        /** Starting credits per account (default 10,000). */
        public Builder credits(long credits) {
            this.credits = credits;
            return this;
        }

        /** 1.0 = documented limits (default); 60 = windows 60x shorter, ratios kept; 0 or negative = limits off. */
        public Builder rateLimitScale(double scale) {
            this.rateLimitScale = scale;
            return this;
        }

        /** Simulated processing time per page (default 2 s). */
        public Builder pageProcessingTime(Duration time) {
            this.pageProcessingTime = time;
            return this;
        }

        /** 0 = a free port (default). */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Interface to listen on (default 127.0.0.1). */
        public Builder bindAddress(String address) {
            this.bindAddress = address;
            return this;
        }

        /** The part_size answered by createUploadSession (default 8,388,608); smaller makes multi-part tests cheap. */
        public Builder partSizeBytes(long bytes) {
            this.partSizeBytes = bytes;
            return this;
        }

        /** Lifetime of signed part-upload URLs (default 15 minutes). */
        public Builder partUrlTtl(Duration ttl) {
            this.partUrlTtl = ttl;
            return this;
        }

        /** Lifetime of signed output URLs (default 5 minutes). */
        public Builder downloadUrlTtl(Duration ttl) {
            this.downloadUrlTtl = ttl;
            return this;
        }

        /** How long rows and outputs are kept after submission (default 90 days). */
        public Builder outputRetention(Duration retention) {
            this.outputRetention = retention;
            return this;
        }

        /** Extractions running at once per account (default 15). */
        /** Pages of one extraction processed at once, each taking the page processing time (default 4). */
        public Builder pagesInParallel(int pages) {
            this.pagesInParallel = pages;
            return this;
        }

        public Builder concurrentTaskLimit(int limit) {
            this.concurrentTaskLimit = limit;
            return this;
        }

        /** Time from upload to a question's answer_by (default 40 hours). */
        public Builder answerWindow(Duration window) {
            this.answerWindow = window;
            return this;
        }

        /** Threads serving requests (default 16). */
        public Builder httpThreads(int threads) {
            this.httpThreads = threads;
            return this;
        }

        /** Replaces document reading, row extraction and rendering (default: PDFBox, the row extractor, POI). */
        public Builder documentPipeline(DocumentPipeline pipeline) {
            this.documentPipeline = pipeline;
            return this;
        }

        public SandboxSettings settings() {
            return new SandboxSettings(apiKeys, credits, rateLimitScale, pageProcessingTime, bindAddress, port,
                    partSizeBytes, partUrlTtl, downloadUrlTtl, outputRetention, concurrentTaskLimit, answerWindow,
                    httpThreads, pagesInParallel);
        }

        /** Starts the sandbox; it serves until {@link ApiSandbox#close()}. */
        public ApiSandbox start() {
            try {
                return new ApiSandbox(settings(),
                        documentPipeline != null ? documentPipeline : new StandardDocumentPipeline());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the sandbox on " + bindAddress + ":" + port, e);
            }
        }
    }
}
