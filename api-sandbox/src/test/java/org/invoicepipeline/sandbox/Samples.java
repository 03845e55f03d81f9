package org.invoicepipeline.sandbox;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.invoicepipeline.samples.SampleInvoice;
import org.invoicepipeline.samples.SampleInvoiceGenerator;

/** Sample invoices for the tests, and the submission bodies that name them. */
final class Samples {

    static final SampleInvoiceGenerator GENERATOR = new SampleInvoiceGenerator();

    private Samples() {
    }

    static byte[] pdf(int index) {
        return GENERATOR.toPdf(GENERATOR.generate(index));
    }

    static SampleInvoice invoice(int index) {
        return GENERATOR.generate(index);
    }

    /** Uploads one sample PDF as {@code f1} of session {@code sessionId}. */
    static void uploadOne(SandboxClient client, String sessionId, int index) {
        SampleInvoice invoice = GENERATOR.generate(index);
        client.uploadFile(sessionId, "f1", invoice.fileName(), GENERATOR.toPdf(invoice));
    }

    static Map<String, Object> submission(String submissionId, String sessionId, List<String> fileIds) {
        Map<String, Object> body = new HashMap<>();
        body.put("submission_id", submissionId);
        body.put("upload_session_id", sessionId);
        body.put("file_ids", fileIds);
        body.put("task_name", "Test task");
        body.put("prompt", "Extract invoice number, invoice date, vendor name and total amount");
        body.put("output_structure", "per_invoice");
        body.put("options", Map.of("json_typed_values", true));
        return body;
    }
}
