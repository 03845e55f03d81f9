package org.invoicepipeline.client.model;

import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import java.time.Instant;
import java.util.List;

/**
 * The live status of an extraction, one variant per {@code status} value. A status this client does not
 * recognise is read as {@link Unknown}, which is non-terminal: call again later.
 *
 * <pre>{@code
 * switch (status) {
 *     case ExtractionStatus.Completed c -> ...   // Java 21; on 17 use instanceof
 * }
 * }</pre>
 */
@JsonDeserialize(using = ExtractionStatusDeserializer.class)
public sealed interface ExtractionStatus {

    String extractionId();

    ExtractionState state();

    /** Completed, failed and cancelled are final; everything else (including unknown values) is not. */
    default boolean isTerminal() {
        return state().isTerminal();
    }

    /** Still working; {@code progress} is 0-100 (absent on a cancellation acknowledgement). */
    @JsonDeserialize(using = JsonDeserializer.None.class)
    record Processing(String extractionId, Integer progress) implements ExtractionStatus {
        @Override
        public ExtractionState state() {
            return ExtractionState.PROCESSING;
        }
    }

    /** Stopped to ask; answer every open question before {@code answerBy}. */
    @JsonDeserialize(using = JsonDeserializer.None.class)
    record InputRequired(String extractionId, Integer progress, Instant answerBy, List<Question> questions)
            implements ExtractionStatus {
        public InputRequired {
            questions = questions == null ? List.of() : List.copyOf(questions);
        }

        @Override
        public ExtractionState state() {
            return ExtractionState.INPUT_REQUIRED;
        }
    }

    /** Done; rows via the results endpoint, files via {@code output} (5-minute URLs) or the output endpoint. */
    @JsonDeserialize(using = JsonDeserializer.None.class)
    record Completed(String extractionId, Integer creditsDeducted, Long creditsBalance, Long creditsReserved,
                     OutputStructure outputStructure, Instant outputExpiresAt, Pages pages,
                     List<UncertaintyNote> aiUncertaintyNotes, ReviewNeeded reviewNeeded, OutputUrls output)
            implements ExtractionStatus {
        @Override
        public ExtractionState state() {
            return ExtractionState.COMPLETED;
        }
    }

    /** Failed; a retryable {@code error} may succeed when submitted again with a new submission id. */
    @JsonDeserialize(using = JsonDeserializer.None.class)
    record Failed(String extractionId, ApiError error) implements ExtractionStatus {
        @Override
        public ExtractionState state() {
            return ExtractionState.FAILED;
        }
    }

    /** Cancelled; {@code creditsDeducted} covers the work done before it stopped. */
    @JsonDeserialize(using = JsonDeserializer.None.class)
    record Cancelled(String extractionId, Integer creditsDeducted, CancellationReason cancellationReason,
                     Long creditsBalance, Long creditsReserved) implements ExtractionStatus {
        @Override
        public ExtractionState state() {
            return ExtractionState.CANCELLED;
        }
    }

    /** A status value this client does not know; non-terminal. {@code raw} is the whole response. */
    @JsonDeserialize(using = JsonDeserializer.None.class)
    record Unknown(String extractionId, String status, JsonNode raw) implements ExtractionStatus {
        @Override
        public ExtractionState state() {
            return ExtractionState.UNRECOGNISED;
        }
    }
}
