package org.invoicepipeline.sandbox.engine;

import java.time.Duration;

/**
 * @param pageProcessingTime  simulated time to process one page
 * @param concurrentTaskLimit extractions an account may have running at once (15 documented)
 * @param outputRetention     how long rows and output files are kept after submission (90 days documented)
 * @param answerWindow        time from the upload to {@code answer_by} (40 hours documented)
 * @param pagesInParallel     pages of one extraction processed at once: each page takes {@code pageProcessingTime}
 *                            and up to this many run side by side, as the service's parallel page processing
 */
public record EngineSettings(Duration pageProcessingTime, int concurrentTaskLimit, Duration outputRetention,
                             Duration answerWindow, int pagesInParallel) {

    public EngineSettings {
        if (pagesInParallel < 1) {
            throw new IllegalArgumentException("pagesInParallel must be positive, was " + pagesInParallel);
        }
    }

    /** One page at a time. */
    public EngineSettings(Duration pageProcessingTime, int concurrentTaskLimit, Duration outputRetention,
                          Duration answerWindow) {
        this(pageProcessingTime, concurrentTaskLimit, outputRetention, answerWindow, 1);
    }
}
