package org.invoicepipeline.common.kafka;

/**
 * The stage names written to dead letters ({@link PipelineHeaders#STAGE}) and tagged on the stages' metrics
 * ({@code stage=...}): one definition, so a header, a metric tag and a dashboard query cannot drift apart.
 */
public final class StageNames {

    public static final String UPLOAD = "upload";
    public static final String SUBMIT = "submit";
    public static final String POLL = "poll";
    public static final String DOWNLOAD = "download";

    private StageNames() {
    }
}
