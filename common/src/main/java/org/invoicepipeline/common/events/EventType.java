package org.invoicepipeline.common.events;

import java.util.Arrays;
import java.util.Optional;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.invoicepipeline.events.ExtractionCompleted;
import org.invoicepipeline.events.ExtractionQuestionsAsked;
import org.invoicepipeline.events.ExtractionResult;
import org.invoicepipeline.events.ExtractionSubmitted;
import org.invoicepipeline.events.FileRegistered;
import org.invoicepipeline.events.PartsUploaded;

/**
 * The pipeline's events: one top-level Avro record per topic, the main line in pipeline order, then the
 * poll stage's side topic of questions.
 */
public enum EventType {

    FILE_REGISTERED(FileRegistered.class, FileRegistered.getClassSchema(), EventTopics.DEFAULT_FILES_REGISTERED),
    PARTS_UPLOADED(PartsUploaded.class, PartsUploaded.getClassSchema(), EventTopics.DEFAULT_PARTS_UPLOADED),
    EXTRACTION_SUBMITTED(ExtractionSubmitted.class, ExtractionSubmitted.getClassSchema(),
            EventTopics.DEFAULT_EXTRACTION_SUBMITTED),
    EXTRACTION_COMPLETED(ExtractionCompleted.class, ExtractionCompleted.getClassSchema(),
            EventTopics.DEFAULT_EXTRACTION_COMPLETED),
    EXTRACTION_RESULT(ExtractionResult.class, ExtractionResult.getClassSchema(), EventTopics.DEFAULT_EXTRACTION_RESULTS),
    EXTRACTION_QUESTIONS_ASKED(ExtractionQuestionsAsked.class, ExtractionQuestionsAsked.getClassSchema(),
            EventTopics.DEFAULT_EXTRACTION_QUESTIONS);

    private final Class<? extends SpecificRecord> recordClass;
    private final Schema schema;
    private final String defaultTopic;

    EventType(Class<? extends SpecificRecord> recordClass, Schema schema, String defaultTopic) {
        this.recordClass = recordClass;
        this.schema = schema;
        this.defaultTopic = defaultTopic;
    }

    public Class<? extends SpecificRecord> recordClass() {
        return recordClass;
    }

    /** The current (reader) schema, self-contained: what is registered for the topic. */
    public Schema schema() {
        return schema;
    }

    /** Full Avro name, e.g. {@code org.invoicepipeline.events.FileRegistered}. */
    public String schemaName() {
        return schema.getFullName();
    }

    public String defaultTopic() {
        return defaultTopic;
    }

    /** The topic this event goes to under the given topic names. */
    public String topic(EventTopics topics) {
        return switch (this) {
            case FILE_REGISTERED -> topics.filesRegistered();
            case PARTS_UPLOADED -> topics.partsUploaded();
            case EXTRACTION_SUBMITTED -> topics.extractionSubmitted();
            case EXTRACTION_COMPLETED -> topics.extractionCompleted();
            case EXTRACTION_RESULT -> topics.extractionResults();
            case EXTRACTION_QUESTIONS_ASKED -> topics.extractionQuestions();
        };
    }

    public static Optional<EventType> forSchemaName(String fullName) {
        return Arrays.stream(values()).filter(type -> type.schemaName().equals(fullName)).findFirst();
    }

    public static Optional<EventType> forRecordClass(Class<?> recordClass) {
        return Arrays.stream(values()).filter(type -> type.recordClass.equals(recordClass)).findFirst();
    }
}
