package org.invoicepipeline.ops;

import org.invoicepipeline.common.events.EventType;
import org.invoicepipeline.common.kafka.StageNames;

/** The four stages as an operator names them: their input event and the default group of their input consumer. */
public enum PipelineStage {
    UPLOAD(StageNames.UPLOAD, EventType.FILE_REGISTERED, "upload-planner"),
    SUBMIT(StageNames.SUBMIT, EventType.PARTS_UPLOADED, "submit-worker"),
    POLL(StageNames.POLL, EventType.EXTRACTION_SUBMITTED, "poll-worker"),
    DOWNLOAD(StageNames.DOWNLOAD, EventType.EXTRACTION_COMPLETED, "download-worker");

    private final String stageName;
    private final EventType input;
    private final String defaultGroup;

    PipelineStage(String stageName, EventType input, String defaultGroup) {
        this.stageName = stageName;
        this.input = input;
        this.defaultGroup = defaultGroup;
    }

    /** The name in the dead letters' {@code x-pipeline-stage} header and in metrics. */
    public String stageName() {
        return stageName;
    }

    public EventType input() {
        return input;
    }

    public String defaultGroup() {
        return defaultGroup;
    }

    /** The stage called {@code name} ({@code x-pipeline-stage}), or null. */
    public static PipelineStage byName(String name) {
        for (PipelineStage stage : values()) {
            if (stage.stageName.equalsIgnoreCase(name)) {
                return stage;
            }
        }
        return null;
    }
}
