package org.invoicepipeline.common.events;

import java.util.Objects;

/**
 * Topic names of the pipeline. Every name is configurable; {@link #defaults()} are the names used when
 * nothing is configured.
 *
 * @param filesRegistered     {@code FileRegistered}, from upstream producers
 * @param partsUploaded       {@code PartsUploaded}, one per upload session
 * @param extractionSubmitted {@code ExtractionSubmitted}, one per accepted submission
 * @param extractionCompleted {@code ExtractionCompleted}, one per terminal extraction
 * @param extractionResults   {@code ExtractionResult}, one per source file, for ERP consumers
 */
public record EventTopics(String filesRegistered, String partsUploaded, String extractionSubmitted,
        String extractionCompleted, String extractionResults) {

    public static final String DEFAULT_FILES_REGISTERED = "files-registered";
    public static final String DEFAULT_PARTS_UPLOADED = "parts-uploaded";
    public static final String DEFAULT_EXTRACTION_SUBMITTED = "extraction-submitted";
    public static final String DEFAULT_EXTRACTION_COMPLETED = "extraction-completed";
    public static final String DEFAULT_EXTRACTION_RESULTS = "extraction-results";

    public EventTopics {
        requireName(filesRegistered, "filesRegistered");
        requireName(partsUploaded, "partsUploaded");
        requireName(extractionSubmitted, "extractionSubmitted");
        requireName(extractionCompleted, "extractionCompleted");
        requireName(extractionResults, "extractionResults");
    }

    public static EventTopics defaults() {
        return new EventTopics(DEFAULT_FILES_REGISTERED, DEFAULT_PARTS_UPLOADED, DEFAULT_EXTRACTION_SUBMITTED,
                DEFAULT_EXTRACTION_COMPLETED, DEFAULT_EXTRACTION_RESULTS);
    }

    public EventTopics withFilesRegistered(String topic) {
        return new EventTopics(topic, partsUploaded, extractionSubmitted, extractionCompleted, extractionResults);
    }

    public EventTopics withPartsUploaded(String topic) {
        return new EventTopics(filesRegistered, topic, extractionSubmitted, extractionCompleted, extractionResults);
    }

    public EventTopics withExtractionSubmitted(String topic) {
        return new EventTopics(filesRegistered, partsUploaded, topic, extractionCompleted, extractionResults);
    }

    public EventTopics withExtractionCompleted(String topic) {
        return new EventTopics(filesRegistered, partsUploaded, extractionSubmitted, topic, extractionResults);
    }

    public EventTopics withExtractionResults(String topic) {
        return new EventTopics(filesRegistered, partsUploaded, extractionSubmitted, extractionCompleted, topic);
    }

    private static void requireName(String topic, String what) {
        Objects.requireNonNull(topic, what);
        // Kafka's own rule for legal topic names.
        if (!topic.matches("[a-zA-Z0-9._-]{1,249}") || topic.equals(".") || topic.equals("..")) {
            throw new IllegalArgumentException(what + " is not a legal Kafka topic name: '" + topic + "'");
        }
    }
}
