package org.invoicepipeline.local.run;

import org.invoicepipeline.common.events.EventTopics;
import org.invoicepipeline.common.kafka.DeadLetterRecords;
import org.invoicepipeline.upload.config.UploadWorkerProperties;

import java.util.ArrayList;
import java.util.List;

/** The topics of the pipeline with their default names, and the dead-letter topic of every stage input. */
public final class PipelineTopics {

    public static final String FILES_REGISTERED = EventTopics.DEFAULT_FILES_REGISTERED;
    public static final String SESSIONS_PLANNED = UploadWorkerProperties.Topics.DEFAULT_SESSIONS_PLANNED;
    public static final String PARTS_UPLOADED = EventTopics.DEFAULT_PARTS_UPLOADED;
    public static final String EXTRACTION_SUBMITTED = EventTopics.DEFAULT_EXTRACTION_SUBMITTED;
    public static final String EXTRACTION_COMPLETED = EventTopics.DEFAULT_EXTRACTION_COMPLETED;
    public static final String EXTRACTION_RESULTS = EventTopics.DEFAULT_EXTRACTION_RESULTS;
    public static final String EXTRACTION_QUESTIONS = EventTopics.DEFAULT_EXTRACTION_QUESTIONS;

    /** Topics a stage consumes; each has a {@code .DLT}. */
    public static final List<String> STAGE_INPUTS = List.of(FILES_REGISTERED, SESSIONS_PLANNED, PARTS_UPLOADED,
            EXTRACTION_SUBMITTED, EXTRACTION_COMPLETED);

    private PipelineTopics() {
    }

    public static List<String> deadLetterTopics() {
        return STAGE_INPUTS.stream().map(DeadLetterRecords::topicFor).toList();
    }

    /** Every topic of the pipeline, dead-letter topics included. */
    public static List<String> all() {
        List<String> all = new ArrayList<>(STAGE_INPUTS);
        all.add(EXTRACTION_RESULTS);
        all.add(EXTRACTION_QUESTIONS);
        all.addAll(deadLetterTopics());
        return all;
    }
}
