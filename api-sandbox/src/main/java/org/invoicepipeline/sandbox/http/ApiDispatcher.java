package org.invoicepipeline.sandbox.http;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.invoicepipeline.sandbox.account.Account;
import org.invoicepipeline.sandbox.account.AccountRegistry;
import org.invoicepipeline.sandbox.fault.FaultPlan;
import org.invoicepipeline.sandbox.ratelimit.RateLimitGroup;

/**
 * The {@code /v1} request pipeline: route, authenticate, rate-limit, apply injected faults, run
 * the handler, count, answer (now or, for a held request, later), or drop the connection.
 */
public final class ApiDispatcher implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiDispatcher.class);
    private static final String BEARER = "Bearer ";

    private final Router<ApiRoute> router;
    private final AccountRegistry accounts;
    private final FaultPlan faults;
    private final ScheduledExecutorService scheduler;
    private final Executor executor;

    public ApiDispatcher(Router<ApiRoute> router, AccountRegistry accounts, FaultPlan faults,
                         ScheduledExecutorService scheduler, Executor executor) {
        this.router = router;
        this.accounts = accounts;
        this.faults = faults;
        this.scheduler = scheduler;
        this.executor = executor;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            dispatch(exchange);
        } catch (RuntimeException e) {
            LOG.warn("Unexpected failure serving {} {}", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), e);
            ExchangeWriter.write(exchange, ApiResponse.error(new ApiException(ErrorCode.INTERNAL_ERROR)));
        }
    }

    private void dispatch(HttpExchange exchange) {
        String path = exchange.getRequestURI().getRawPath();
        Optional<Router.Match<ApiRoute>> match = router.match(exchange.getRequestMethod(), path);
        if (match.isEmpty()) {
            RequestBodies.read(exchange);
            ExchangeWriter.write(exchange, ApiResponse.error(new ApiException(ErrorCode.NOT_FOUND,
                    "No such endpoint: " + exchange.getRequestMethod() + " " + path + ".", null)));
            return;
        }
        byte[] body = RequestBodies.read(exchange);
        ApiRequest request = new ApiRequest(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
                exchange.getRequestHeaders(), body);
        request.pathVariables(match.get().variables());
        Operation operation = match.get().target().operation();

        Optional<Account> account = authenticate(request);
        if (account.isEmpty()) {
            ExchangeWriter.write(exchange, ApiResponse.error(new ApiException(ErrorCode.UNAUTHENTICATED)));
            return;
        }
        request.account(account.get());
        switch (account.get().keyState()) {
            case EXPIRED -> {
                answer(exchange, operation, account.get(), ApiResponse.error(new ApiException(ErrorCode.API_KEY_EXPIRED)));
                return;
            }
            case REVOKED -> {
                answer(exchange, operation, account.get(), ApiResponse.error(new ApiException(ErrorCode.API_KEY_REVOKED)));
                return;
            }
            case ACTIVE -> {
                // carry on
            }
        }
        OptionalLong forced = faults.forcedRetryAfterSeconds(operation);
        long retryAfter = forced.isPresent() ? forced.getAsLong()
                : account.get().rateLimiter().acquire(RateLimitGroup.of(operation), System.nanoTime());
        if (retryAfter > 0) {
            answer(exchange, operation, account.get(), rateLimited(retryAfter));
            return;
        }
        Optional<Duration> latency = faults.latency(operation);
        if (latency.isPresent()) {
            scheduler.schedule(() -> executor.execute(() -> serve(exchange, request, match.get().target())),
                    latency.get().toNanos(), TimeUnit.NANOSECONDS);
        } else {
            serve(exchange, request, match.get().target());
        }
    }

    private void serve(HttpExchange exchange, ApiRequest request, ApiRoute route) {
        Operation operation = route.operation();
        Account account = request.account();
        ApiResponse response;
        try {
            Optional<ApiException> injected = faults.injectedError(operation);
            response = injected.isPresent() ? ApiResponse.error(injected.get()) : route.handler().handle(request);
        } catch (ApiException e) {
            response = ApiResponse.error(e);
        } catch (RuntimeException e) {
            LOG.warn("Handler of {} failed", operation.operationId(), e);
            response = ApiResponse.error(new ApiException(ErrorCode.INTERNAL_ERROR));
        }
        boolean drop = faults.dropConnection(operation);
        if (response.isDeferred()) {
            response.deferredResponse().whenCompleteAsync((later, error) -> {
                ApiResponse actual = error == null ? later : ApiResponse.error(new ApiException(ErrorCode.INTERNAL_ERROR));
                finish(exchange, operation, account, actual, drop);
            }, executor);
        } else {
            finish(exchange, operation, account, response, drop);
        }
    }

    private static void finish(HttpExchange exchange, Operation operation, Account account, ApiResponse response,
                               boolean drop) {
        if (drop) {
            account.counters().call(operation.operationId(), 0);
            ExchangeWriter.drop(exchange);
        } else {
            answer(exchange, operation, account, response);
        }
    }

    private static void answer(HttpExchange exchange, Operation operation, Account account, ApiResponse response) {
        account.counters().call(operation.operationId(), response.status());
        ExchangeWriter.write(exchange, response);
    }

    static ApiResponse rateLimited(long retryAfterSeconds) {
        return ApiResponse.error(new ApiException(ErrorCode.RATE_LIMITED, Map.of("retry_after_seconds", retryAfterSeconds)));
    }

    private Optional<Account> authenticate(ApiRequest request) {
        Optional<String> header = request.header("Authorization");
        if (header.isEmpty() || !header.get().regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String key = header.get().substring(BEARER.length()).trim();
        return key.isEmpty() ? Optional.empty() : accounts.find(key);
    }
}
