package org.invoicepipeline.sandbox.engine;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.invoicepipeline.sandbox.extraction.ExtractionOutcome;
import org.invoicepipeline.sandbox.extraction.Question;
import org.invoicepipeline.sandbox.output.OutputFormat;

/**
 * A consistent, immutable view of one extraction at one moment, from which every response is
 * rendered.
 *
 * @param outcome           rows, pages and notes; present once completed
 * @param availableOutputs  the output files generated (empty until completed)
 * @param creditsDeducted   set once completed or cancelled
 * @param rejectedQuestionIds open questions whose last answer was refused
 */
public record ExtractionSnapshot(
        UUID id,
        Submission submission,
        List<String> fileNames,
        Instant createdAt,
        ExtractionStatus status,
        int progress,
        Long creditsDeducted,
        Failure failure,
        Instant cancelRequestedAt,
        String cancellationReason,
        List<Question> openQuestions,
        Set<String> rejectedQuestionIds,
        Instant answerBy,
        ExtractionOutcome outcome,
        Set<OutputFormat> availableOutputs,
        Instant outputExpiresAt) {

    public boolean outputExpired(Instant now) {
        return !now.isBefore(outputExpiresAt);
    }
}
