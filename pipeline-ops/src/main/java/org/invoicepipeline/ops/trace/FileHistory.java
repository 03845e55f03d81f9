package org.invoicepipeline.ops.trace;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.invoicepipeline.common.events.EventType;
import org.invoicepipeline.common.events.RetryGenerations;
import org.invoicepipeline.events.ExtractionCompleted;
import org.invoicepipeline.events.ExtractionQuestionsAsked;
import org.invoicepipeline.events.ExtractionResult;
import org.invoicepipeline.events.ExtractionSubmitted;
import org.invoicepipeline.events.FileFailure;
import org.invoicepipeline.events.FileRef;
import org.invoicepipeline.events.FileRegistered;
import org.invoicepipeline.events.PartsUploaded;
import org.invoicepipeline.ops.Topology;
import org.invoicepipeline.ops.kafka.DeadLetterRecord;
import org.invoicepipeline.ops.kafka.DeadLetters;
import org.invoicepipeline.ops.kafka.EventCodec;
import org.invoicepipeline.ops.kafka.EventFiles;

/**
 * Builds a {@link FileTrace} from the records of every pipeline topic (events, the upload stage's plan log, the
 * dead-letter topics): each record naming the file is one step.
 */
public final class FileHistory {

    private static final ObjectMapper PLAN_JSON = new ObjectMapper();

    private final Topology topology;
    private final EventCodec codec;
    private final DeadLetters deadLetters;

    public FileHistory(Topology topology, EventCodec codec, DeadLetters deadLetters) {
        this.topology = topology;
        this.codec = codec;
        this.deadLetters = deadLetters;
    }

    /** Every topic a file's history is on. */
    public List<String> topics() {
        List<String> topics = new ArrayList<>();
        for (EventType type : EventType.values()) {
            topics.add(topology.topic(type));
        }
        topics.add(topology.plannedSessionsTopic());
        topics.addAll(topology.deadLetterTopics());
        return topics;
    }

    public FileTrace trace(String fileId, Instant since, List<ConsumerRecord<byte[], byte[]>> records) {
        List<TraceStep> steps = new ArrayList<>();
        List<ExtractionResult> results = new ArrayList<>();
        List<ConsumerRecord<byte[], byte[]>> deadLetterRecords = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            if (topology.deadLetterTopics().contains(record.topic())) {
                deadLetterRecords.add(record);
            }
            else if (record.topic().equals(topology.plannedSessionsTopic())) {
                planned(record, fileId).ifPresent(steps::add);
            }
            else {
                EventType type = topology.eventOf(record.topic());
                SpecificRecord event = type == null ? null
                        : codec.decodeOrNull(type, record.topic(), record.headers(), record.value());
                if (event != null && EventFiles.names(event, fileId)) {
                    steps.addAll(steps(record, event, fileId));
                    if (event instanceof ExtractionResult result) {
                        results.add(result);
                    }
                }
            }
        }
        for (DeadLetterRecord dead : deadLetters.decode(deadLetterRecords)) {
            if (dead.event() != null && EventFiles.names(dead.event(), fileId)) {
                steps.add(new TraceStep(dead.timestamp(), "dead-lettered", EventFiles.generation(dead.event()),
                        dead.code(), null, null, null, "stage " + dead.stage() + ": " + dead.message(), dead.id()));
            }
        }
        steps.sort(Comparator.comparing(TraceStep::at).thenComparing(TraceStep::record));
        boolean registered = steps.stream().anyMatch(s -> s.step().equals("registered"));
        String outcome = results.stream().max(RetryGenerations.CURRENT_OUTCOME)
                .map(r -> r.getStatus().name()).orElse(null);
        return new FileTrace(fileId, since, registered, outcome, List.copyOf(steps));
    }

    private static List<TraceStep> steps(ConsumerRecord<byte[], byte[]> record, SpecificRecord event, String fileId) {
        Instant at = Instant.ofEpochMilli(record.timestamp());
        String where = DeadLetterRecord.id(record.topic(), record.partition(), record.offset());
        List<TraceStep> steps = new ArrayList<>();
        if (event instanceof FileRegistered registered) {
            steps.add(new TraceStep(at, "registered", registered.getRetryGeneration(), null, null, null, null,
                    registered.getFileName() + " " + registered.getSourceUri() + " profile " + registered.getProfile()
                            + (registered.getBatchKey() == null ? "" : " batch " + registered.getBatchKey()), where));
        }
        else if (event instanceof PartsUploaded uploaded) {
            ref(uploaded.getFiles(), fileId).ifPresent(ref -> steps.add(new TraceStep(at, "uploaded",
                    ref.getRetryGeneration(), null, uploaded.getUploadSessionId(), null, null,
                    "as " + ref.getFileName() + " (" + ref.getSizeBytes() + " bytes)", where)));
            for (FileFailure failed : uploaded.getFailedFiles()) {
                if (failed.getFileId().equals(fileId)) {
                    steps.add(new TraceStep(at, "upload-failed", failed.getRetryGeneration(),
                            failed.getError().getCode(), uploaded.getUploadSessionId(), null, null,
                            failed.getError().getMessage(), where));
                }
            }
        }
        else if (event instanceof ExtractionSubmitted submitted) {
            ref(submitted.getFiles(), fileId).ifPresent(ref -> steps.add(new TraceStep(at, "submitted",
                    ref.getRetryGeneration(), null, submitted.getUploadSessionId(), submitted.getSubmissionId(),
                    submitted.getExtractionId(), "attempt " + submitted.getAttempt(), where)));
        }
        else if (event instanceof ExtractionQuestionsAsked asked) {
            ref(asked.getFiles(), fileId).ifPresent(ref -> steps.add(new TraceStep(at, "questions",
                    ref.getRetryGeneration(), "INPUT_REQUIRED", asked.getUploadSessionId(), asked.getSubmissionId(),
                    asked.getExtractionId(), asked.getQuestions().size() + " open, answer by " + asked.getAnswerBy(),
                    where)));
        }
        else if (event instanceof ExtractionCompleted completed) {
            ref(completed.getFiles(), fileId).ifPresent(ref -> steps.add(new TraceStep(at, "completed",
                    ref.getRetryGeneration(), completed.getStatus().name(), completed.getUploadSessionId(),
                    completed.getSubmissionId(), completed.getExtractionId(),
                    completed.getError() == null ? "attempt " + completed.getAttempt()
                            : completed.getError().getCode() + ": " + completed.getError().getMessage(), where)));
        }
        else if (event instanceof ExtractionResult result) {
            String detail = "result " + result.getResultId() + (result.getError() == null
                    ? ", " + result.getRows().size() + " rows"
                    : ", " + result.getError().getCode() + ": " + result.getError().getMessage());
            steps.add(new TraceStep(at, "result", result.getRetryGeneration(), result.getStatus().name(),
                    result.getUploadSessionId(), result.getSubmissionId(), result.getExtractionId(), detail, where));
        }
        return steps;
    }

    /** The plan log is the upload stage's internal JSON ({@code PlannedSession}); only ids and names are read. */
    private static Optional<TraceStep> planned(ConsumerRecord<byte[], byte[]> record, String fileId) {
        if (record.value() == null) {
            return Optional.empty();
        }
        try {
            JsonNode plan = PLAN_JSON.readTree(record.value());
            for (JsonNode file : plan.path("files")) {
                if (fileId.equals(file.path("fileId").asText(null))) {
                    return Optional.of(new TraceStep(Instant.ofEpochMilli(record.timestamp()), "planned",
                            file.path("retryGeneration").asInt(0), null, plan.path("uploadSessionId").asText(null),
                            null, null, plan.path("files").size() + " file(s) in the session",
                            DeadLetterRecord.id(record.topic(), record.partition(), record.offset())));
                }
            }
        }
        catch (java.io.IOException e) {
            // not a plan: nothing to show for this file
        }
        return Optional.empty();
    }

    private static Optional<FileRef> ref(List<FileRef> refs, String fileId) {
        return refs.stream().filter(r -> r.getFileId().equals(fileId)).findFirst();
    }
}
