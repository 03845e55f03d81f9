package org.invoicepipeline.download.listener;

import org.invoicepipeline.download.fetch.ExtractionRowsReader;
import org.invoicepipeline.download.fetch.OutputArchiver;
import org.invoicepipeline.download.mapping.ExtractionRows;
import org.invoicepipeline.download.mapping.FileResultAssembler;
import org.invoicepipeline.download.publish.ResultPublisher;
import org.invoicepipeline.download.retention.ExtractionRetention;
import org.invoicepipeline.events.ExtractionCompleted;
import org.invoicepipeline.events.ExtractionOutcome;
import org.invoicepipeline.events.ExtractionResult;
import org.invoicepipeline.events.StoredOutput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

import java.util.List;

/**
 * Consumes ExtractionCompleted: for a completed extraction, reads its rows (paged), stores its output files and
 * publishes one EXTRACTED result per source file; for a failed or cancelled one, a FAILED / CANCELLED result per
 * file. The record is committed after the results are acknowledged by the broker. Replays overwrite the stored
 * files and republish results with the same {@code result_id}.
 */
public class ExtractionCompletedListener {

    /** Listener container id (unique per application context). */
    public static final String LISTENER_ID = "download-worker";
    /** Bean name of the stage's container factory. */
    public static final String CONTAINER_FACTORY = "downloadContainerFactory";

    private static final Logger log = LoggerFactory.getLogger(ExtractionCompletedListener.class);

    private final String topic;
    private final String groupId;
    private final ExtractionRowsReader rowsReader;
    private final OutputArchiver archiver;
    private final FileResultAssembler assembler;
    private final ResultPublisher publisher;
    private final ExtractionRetention retention;
    private final DownloadMetrics metrics;

    public ExtractionCompletedListener(String topic, String groupId, ExtractionRowsReader rowsReader, OutputArchiver archiver,
                                       FileResultAssembler assembler, ResultPublisher publisher,
                                       ExtractionRetention retention, DownloadMetrics metrics) {
        this.topic = topic;
        this.groupId = groupId;
        this.rowsReader = rowsReader;
        this.archiver = archiver;
        this.assembler = assembler;
        this.publisher = publisher;
        this.retention = retention;
        this.metrics = metrics;
    }

    public String getTopic() {
        return topic;
    }

    public String getGroupId() {
        return groupId;
    }

    @KafkaListener(id = LISTENER_ID, topics = "#{__listener.topic}", groupId = "#{__listener.groupId}",
            containerFactory = CONTAINER_FACTORY)
    public void onCompleted(ExtractionCompleted completed) {
        String extractionId = completed.getExtractionId();
        boolean hasOutput = completed.getStatus() == ExtractionOutcome.COMPLETED && extractionId != null;
        if (hasOutput && retention.alreadyPublishedAndDeleting(extractionId)) {
            retention.delete(extractionId);
            metrics.replaySkipped();
            return;
        }
        List<ExtractionResult> results = hasOutput ? extracted(completed) : assembler.notExtracted(completed);
        publisher.publishAll(results);
        metrics.published(results);
        metrics.extractionHandled(completed.getStatus().name());
        if (hasOutput) {
            retention.afterPublished(extractionId);
        }
        log.info("Extraction {} ({}): {} result(s) published", extractionId, completed.getStatus(), results.size());
    }

    private List<ExtractionResult> extracted(ExtractionCompleted completed) {
        ExtractionRows rows = rowsReader.read(completed.getExtractionId());
        List<StoredOutput> outputs = archiver.archive(completed.getExtractionId(), completed.getOutputUrls());
        List<ExtractionResult> results = assembler.extracted(completed, rows, outputs);
        // Each row goes to at most one file's result; the others named no file of the extraction.
        metrics.unassignedRows(rows.rows().size() - results.stream().mapToInt(r -> r.getRows().size()).sum());
        return results;
    }
}
