package org.invoicepipeline.upload.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PlannedSessionCodecTest {

    private final PlannedSessionCodec codec = new PlannedSessionCodec();

    @Test
    void aReplayedFileKeepsItsRetryGenerationInThePlan() {
        PlannedFile replayed = new PlannedFile("f-1", "f.pdf", "f.pdf", "file:///in/f.pdf", "/in/f.pdf", 10, null, 0,
                Map.of(), "ab12", null, null, 2);

        PlannedSession read = codec.read(codec.write(new PlannedSession("us-1", "std", null, 5, List.of(replayed))));

        assertThat(read.files().get(0).retryGeneration()).isEqualTo(2);
        assertThat(read.files().get(0).workKey()).isEqualTo("f-1#2");
    }

    @Test
    void aPlanWrittenBeforeGenerationsReadsAsGenerationZero() {
        String older = "{\"uploadSessionId\":\"us-1\",\"profile\":\"std\",\"batchKey\":null,\"plannedAt\":5,\"files\":"
                + "[{\"fileId\":\"f-1\",\"sessionFileName\":\"f.pdf\",\"originalFileName\":\"f.pdf\","
                + "\"sourceUri\":\"file:///in/f.pdf\",\"path\":\"/in/f.pdf\",\"sizeBytes\":10,\"contentType\":null,"
                + "\"registeredAt\":0,\"attributes\":{},\"sha256\":\"ab12\",\"origin\":null}]}";

        PlannedSession read = codec.read(older.getBytes(StandardCharsets.UTF_8));

        assertThat(read.files().get(0).retryGeneration()).isZero();
        assertThat(read.files().get(0).workKey()).isEqualTo("f-1");
    }
}
