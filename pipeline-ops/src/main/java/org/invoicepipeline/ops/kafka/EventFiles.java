package org.invoicepipeline.ops.kafka;

import java.util.ArrayList;
import java.util.List;

import org.apache.avro.specific.SpecificRecord;
import org.invoicepipeline.events.ExtractionCompleted;
import org.invoicepipeline.events.ExtractionQuestionsAsked;
import org.invoicepipeline.events.ExtractionResult;
import org.invoicepipeline.events.ExtractionSubmitted;
import org.invoicepipeline.events.FileFailure;
import org.invoicepipeline.events.FileRef;
import org.invoicepipeline.events.FileRegistered;
import org.invoicepipeline.events.PartsUploaded;

/** The files a pipeline event names, with the retry generation of each. */
public final class EventFiles {

    /** One file named by an event. */
    public record Mention(String fileId, int generation) {
    }

    private EventFiles() {
    }

    public static List<Mention> of(SpecificRecord event) {
        List<Mention> files = new ArrayList<>();
        if (event instanceof FileRegistered registered) {
            files.add(new Mention(registered.getFileId(), registered.getRetryGeneration()));
        }
        else if (event instanceof PartsUploaded uploaded) {
            refs(uploaded.getFiles(), files);
            for (FileFailure failed : uploaded.getFailedFiles()) {
                files.add(new Mention(failed.getFileId(), failed.getRetryGeneration()));
            }
        }
        else if (event instanceof ExtractionSubmitted submitted) {
            refs(submitted.getFiles(), files);
        }
        else if (event instanceof ExtractionQuestionsAsked asked) {
            refs(asked.getFiles(), files);
        }
        else if (event instanceof ExtractionCompleted completed) {
            refs(completed.getFiles(), files);
        }
        else if (event instanceof ExtractionResult result) {
            files.add(new Mention(result.getFileId(), result.getRetryGeneration()));
        }
        return files;
    }

    public static boolean names(SpecificRecord event, String fileId) {
        return of(event).stream().anyMatch(m -> m.fileId().equals(fileId));
    }

    /** The highest generation among the files of {@code event} (0 when it names none). */
    public static int generation(SpecificRecord event) {
        return of(event).stream().mapToInt(Mention::generation).max().orElse(0);
    }

    private static void refs(List<FileRef> refs, List<Mention> files) {
        refs.forEach(ref -> files.add(new Mention(ref.getFileId(), ref.getRetryGeneration())));
    }
}
