package org.invoicepipeline.ops;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.invoicepipeline.common.events.EventTopics;
import org.invoicepipeline.common.events.EventType;
// Only the compile-time constant SUFFIX: DeadLetterRecords itself needs spring-kafka, which this tool does not ship.
import org.invoicepipeline.common.kafka.DeadLetterRecords;

/**
 * The topic and consumer group names of the pipeline being operated: the workers' defaults unless overridden with
 * {@code --topic} / {@code --group}.
 */
public record Topology(EventTopics topics, String plannedSessionsTopic, Map<PipelineStage, String> groups) {

    /** The upload stage's internal plan topic (upload-worker's {@code topics.sessions-planned} default). */
    public static final String DEFAULT_PLANNED_SESSIONS = "upload-sessions-planned";

    public static Topology defaults() {
        return of(Map.of(), Map.of());
    }

    /**
     * @param topicOverrides event topic by default topic name (e.g. {@code files-registered=acme.files}), and
     *                       {@code upload-sessions-planned}
     * @param groupOverrides consumer group by stage
     */
    public static Topology of(Map<String, String> topicOverrides, Map<PipelineStage, String> groupOverrides) {
        EventTopics topics = EventTopics.defaults()
                .withFilesRegistered(topicOverrides.getOrDefault(EventTopics.DEFAULT_FILES_REGISTERED, EventTopics.DEFAULT_FILES_REGISTERED))
                .withPartsUploaded(topicOverrides.getOrDefault(EventTopics.DEFAULT_PARTS_UPLOADED, EventTopics.DEFAULT_PARTS_UPLOADED))
                .withExtractionSubmitted(topicOverrides.getOrDefault(EventTopics.DEFAULT_EXTRACTION_SUBMITTED, EventTopics.DEFAULT_EXTRACTION_SUBMITTED))
                .withExtractionCompleted(topicOverrides.getOrDefault(EventTopics.DEFAULT_EXTRACTION_COMPLETED, EventTopics.DEFAULT_EXTRACTION_COMPLETED))
                .withExtractionResults(topicOverrides.getOrDefault(EventTopics.DEFAULT_EXTRACTION_RESULTS, EventTopics.DEFAULT_EXTRACTION_RESULTS))
                .withExtractionQuestions(topicOverrides.getOrDefault(EventTopics.DEFAULT_EXTRACTION_QUESTIONS, EventTopics.DEFAULT_EXTRACTION_QUESTIONS));
        Map<PipelineStage, String> groups = new EnumMap<>(PipelineStage.class);
        for (PipelineStage stage : PipelineStage.values()) {
            groups.put(stage, groupOverrides.getOrDefault(stage, stage.defaultGroup()));
        }
        return new Topology(topics, topicOverrides.getOrDefault(DEFAULT_PLANNED_SESSIONS, DEFAULT_PLANNED_SESSIONS),
                Map.copyOf(groups));
    }

    public String topic(EventType type) {
        return type.topic(topics);
    }

    public String inputTopic(PipelineStage stage) {
        return topic(stage.input());
    }

    public String deadLetterTopic(PipelineStage stage) {
        return inputTopic(stage) + DeadLetterRecords.SUFFIX;
    }

    public String group(PipelineStage stage) {
        return groups.get(stage);
    }

    /** The stage whose dead-letter topic is {@code topic}, or null. */
    public PipelineStage stageOfDeadLetterTopic(String topic) {
        for (PipelineStage stage : PipelineStage.values()) {
            if (deadLetterTopic(stage).equals(topic)) {
                return stage;
            }
        }
        return null;
    }

    /** The event type of the records on {@code topic}, or null for a topic not carrying one. */
    public EventType eventOf(String topic) {
        for (EventType type : EventType.values()) {
            if (topic(type).equals(topic)) {
                return type;
            }
        }
        return null;
    }

    public List<String> deadLetterTopics() {
        List<String> all = new ArrayList<>();
        for (PipelineStage stage : PipelineStage.values()) {
            all.add(deadLetterTopic(stage));
        }
        all.add(plannedSessionsTopic + DeadLetterRecords.SUFFIX);
        return all;
    }
}
