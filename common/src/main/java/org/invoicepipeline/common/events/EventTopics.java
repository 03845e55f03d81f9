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
 * @param extractionQuestions {@code ExtractionQuestionsAsked}, one per set of open questions, for whoever answers them
 */
public record EventTopics(String filesRegistered, String partsUploaded, String extractionSubmitted,
        String extractionCompleted, String extractionResults, String extractionQuestions) {

    public static final String DEFAULT_FILES_REGISTERED = "files-registered";
    public static final String DEFAULT_PARTS_UPLOADED = "parts-uploaded";
    public static final String DEFAULT_EXTRACTION_SUBMITTED = "extraction-submitted";
    public static final String DEFAULT_EXTRACTION_COMPLETED = "extraction-completed";
    public static final String DEFAULT_EXTRACTION_RESULTS = "extraction-results";
    public static final String DEFAULT_EXTRACTION_QUESTIONS = "extraction-questions";

    public EventTopics {
        requireName(filesRegistered, "filesRegistered");
        requireName(partsUploaded, "partsUploaded");
        requireName(extractionSubmitted, "extractionSubmitted");
        requireName(extractionCompleted, "extractionCompleted");
        requireName(extractionResults, "extractionResults");
        requireName(extractionQuestions, "extractionQuestions");
    }

    public static EventTopics defaults() {
        return new EventTopics(DEFAULT_FILES_REGISTERED, DEFAULT_PARTS_UPLOADED, DEFAULT_EXTRACTION_SUBMITTED,
                DEFAULT_EXTRACTION_COMPLETED, DEFAULT_EXTRACTION_RESULTS, DEFAULT_EXTRACTION_QUESTIONS);
    }

    public EventTopics withFilesRegistered(String topic) {
        return new EventTopics(topic, partsUploaded, extractionSubmitted, extractionCompleted, extractionResults,
                extractionQuestions);
    }

    public EventTopics withPartsUploaded(String topic) {
        return new EventTopics(filesRegistered, topic, extractionSubmitted, extractionCompleted, extractionResults,
                extractionQuestions);
    }

    public EventTopics withExtractionSubmitted(String topic) {
        return new EventTopics(filesRegistered, partsUploaded, topic, extractionCompleted, extractionResults,
                extractionQuestions);
    }

    public EventTopics withExtractionCompleted(String topic) {
        return new EventTopics(filesRegistered, partsUploaded, extractionSubmitted, topic, extractionResults,
                extractionQuestions);
    }

    public EventTopics withExtractionResults(String topic) {
        return new EventTopics(filesRegistered, partsUploaded, extractionSubmitted, extractionCompleted, topic,
                extractionQuestions);
    }

    public EventTopics withExtractionQuestions(String topic) {
        return new EventTopics(filesRegistered, partsUploaded, extractionSubmitted, extractionCompleted,
                extractionResults, topic);
    }

    private static void requireName(String topic, String what) {
        Objects.requireNonNull(topic, what);
        // Kafka's own rule for legal topic names.
        if (!topic.matches("[a-zA-Z0-9._-]{1,249}") || topic.equals(".") || topic.equals("..")) {
            throw new IllegalArgumentException(what + " is not a legal Kafka topic name: '" + topic + "'");
        }
    }
}
