package org.invoicepipeline.ops.dlt;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.invoicepipeline.events.ExtractionCompleted;
import org.invoicepipeline.events.ExtractionSubmitted;
import org.invoicepipeline.events.FileFailure;
import org.invoicepipeline.events.FileRef;
import org.invoicepipeline.events.FileRegistered;
import org.invoicepipeline.events.PartsUploaded;
import org.invoicepipeline.ops.kafka.EventCodec;

/**
 * The record a replay republishes: the dead letter's original event with the retry generation of every file it
 * names set to the next generation, under its original key, to the stage's input topic, marked with
 * {@link ReplayHistory#REPLAY_OF}.
 */
public final class Replays {

    private Replays() {
    }

    public static ProducerRecord<byte[], byte[]> record(ReplayDecision decision, String inputTopic, EventCodec codec) {
        SpecificRecord replay = withGeneration(decision.record().event(), decision.nextGeneration());
        RecordHeaders headers = new RecordHeaders();
        headers.add(ReplayHistory.REPLAY_OF, decision.record().id().getBytes(StandardCharsets.UTF_8));
        byte[] value = codec.encode(inputTopic, headers, replay);
        return new ProducerRecord<>(inputTopic, null, decision.record().key(), value, headers);
    }

    /** {@code event} as the work of {@code generation}. */
    static SpecificRecord withGeneration(SpecificRecord event, int generation) {
        if (event instanceof FileRegistered registered) {
            return FileRegistered.newBuilder(registered).setRetryGeneration(generation).build();
        }
        if (event instanceof PartsUploaded uploaded) {
            return PartsUploaded.newBuilder(uploaded).setFiles(refs(uploaded.getFiles(), generation))
                    .setFailedFiles(uploaded.getFailedFiles().stream()
                            .map(f -> FileFailure.newBuilder(f).setRetryGeneration(generation).build()).toList())
                    .build();
        }
        if (event instanceof ExtractionSubmitted submitted) {
            return ExtractionSubmitted.newBuilder(submitted).setFiles(refs(submitted.getFiles(), generation)).build();
        }
        if (event instanceof ExtractionCompleted completed) {
            return ExtractionCompleted.newBuilder(completed).setFiles(refs(completed.getFiles(), generation)).build();
        }
        throw new IllegalArgumentException("not a stage input event: " + event.getSchema().getName());
    }

    private static List<FileRef> refs(List<FileRef> refs, int generation) {
        return refs.stream().map(r -> FileRef.newBuilder(r).setRetryGeneration(generation).build()).toList();
    }
}
