package org.invoicepipeline.sandbox.engine;

import java.time.Duration;

/**
 * @param pageProcessingTime  simulated time to process one page
 * @param concurrentTaskLimit extractions an account may have running at once (15 documented)
 * @param outputRetention     how long rows and output files are kept after submission (90 days documented)
 * @param answerWindow        time from the upload to {@code answer_by} (40 hours documented)
 */
public record EngineSettings(Duration pageProcessingTime, int concurrentTaskLimit, Duration outputRetention,
                             Duration answerWindow) {
}
