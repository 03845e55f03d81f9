package org.invoicepipeline.client.http;

import org.invoicepipeline.client.ClientOptions;
import org.invoicepipeline.client.InvoiceExtractionClient;

/**
 * The one public way into this package's HTTP implementation, for {@link InvoiceExtractionClient#create}: the
 * classes behind it (calls, error mapping, signed-URL transfers, query strings) are package-private.
 */
public final class HttpClients {

    private HttpClients() {
    }

    public static InvoiceExtractionClient create(ClientOptions options) {
        return new HttpInvoiceExtractionClient(options);
    }
}
