package org.invoicepipeline.common.ops;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

import org.invoicepipeline.client.InvoiceExtractionClient;
import org.invoicepipeline.client.model.CreditsBalance;
import org.invoicepipeline.client.model.ExtractionStatus;

/**
 * Wraps a worker's API client to observe what it reads — credit balances and extraction statuses — without
 * changing a call: every method is passed through unchanged, results and exceptions included.
 */
public final class InstrumentedApiClient implements InvocationHandler {

    private final InvoiceExtractionClient target;
    private final CreditsGauges credits;
    private final ExtractionsInFlight inFlight;

    private InstrumentedApiClient(InvoiceExtractionClient target, CreditsGauges credits, ExtractionsInFlight inFlight) {
        this.target = target;
        this.credits = credits;
        this.inFlight = inFlight;
    }

    public static InvoiceExtractionClient wrap(InvoiceExtractionClient target, CreditsGauges credits,
                                               ExtractionsInFlight inFlight) {
        return (InvoiceExtractionClient) Proxy.newProxyInstance(InvoiceExtractionClient.class.getClassLoader(),
                new Class<?>[] {InvoiceExtractionClient.class}, new InstrumentedApiClient(target, credits, inFlight));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "Instrumented(" + target + ")";
            };
        }
        Object result;
        try {
            result = method.invoke(target, args);
        }
        catch (InvocationTargetException e) {
            throw e.getCause();
        }
        observe(method.getName(), args, result);
        return result;
    }

    private void observe(String method, Object[] args, Object result) {
        try {
            if (result instanceof CreditsBalance balance) {
                credits.observed(balance.creditsBalance(), balance.creditsReserved());
            }
            else if (result instanceof ExtractionStatus status) {
                inFlight.observed(status);
                if (status instanceof ExtractionStatus.Completed done) {
                    credits.observed(done.creditsBalance(), done.creditsReserved());
                }
                else if (status instanceof ExtractionStatus.Cancelled cancelled) {
                    credits.observed(cancelled.creditsBalance(), cancelled.creditsReserved());
                }
            }
            else if (("deleteExtraction".equals(method) || "cancelExtraction".equals(method))
                    && args != null && args.length > 0 && args[0] instanceof String id) {
                inFlight.ended(id);
            }
        }
        catch (RuntimeException e) {
            // Observation never changes the call's outcome.
        }
    }
}
