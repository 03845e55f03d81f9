package org.invoicepipeline.upload.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class PlannedFilesTest {

    @Test
    void knowsTheSessionEachPlannedFileBelongsTo() {
        PlannedFiles index = new PlannedFiles();
        index.add(plan("us-1", "std", "batch-1", "a", "b"));
        index.add(plan("us-2", "std", null, "c"));

        assertThat(index.find("a")).contains(new PlannedFiles.Session("us-1", "std", "batch-1"));
        assertThat(index.find("b")).map(PlannedFiles.Session::uploadSessionId).contains("us-1");
        assertThat(index.find("c")).contains(new PlannedFiles.Session("us-2", "std", null));
        assertThat(index.find("d")).isEmpty();
        assertThat(index.size()).isEqualTo(3);
    }

    @Test
    void theFirstPlanOfAFileWinsAndReplayedPlansChangeNothing() {
        PlannedFiles index = new PlannedFiles();
        PlannedSession first = plan("us-1", "std", "batch-1", "a", "b");
        index.add(first);
        index.add(plan("us-9", "other", "batch-9", "b", "e"));
        index.add(first);

        assertThat(index.find("b")).contains(new PlannedFiles.Session("us-1", "std", "batch-1"));
        assertThat(index.find("e")).map(PlannedFiles.Session::uploadSessionId).contains("us-9");
        assertThat(index.size()).isEqualTo(3);
    }

    @Test
    void aPlanReadBackFromItsJsonIndexesTheSameFiles() {
        PlannedSessionCodec codec = new PlannedSessionCodec();
        PlannedFiles index = new PlannedFiles();
        index.add(codec.read(codec.write(plan("us-7", "std", "batch-7", "x", "y"))));

        assertThat(index.find("x")).contains(new PlannedFiles.Session("us-7", "std", "batch-7"));
        assertThat(index.find("y")).isPresent();
    }

    private static PlannedSession plan(String sessionId, String profile, String batchKey, String... fileIds) {
        List<PlannedFile> files = Arrays.stream(fileIds)
                .map(id -> new PlannedFile(id, id + ".pdf", id + ".pdf", "file:///in/" + id + ".pdf", "/in/" + id + ".pdf",
                        10, "application/pdf", 0, null))
                .toList();
        return new PlannedSession(sessionId, profile, batchKey, 0, files);
    }
}
