package org.invoicepipeline.upload.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.invoicepipeline.upload.source.SourceObject;
import org.junit.jupiter.api.Test;

/**
 * Plans carry the source URI, where its store reads it and its identity; plans written by earlier versions (a local
 * path, no identity) still decode into the same source, so a rolling upgrade uploads them as before, and a plan of
 * this version keeps the {@code path} earlier uploaders read.
 */
class PlannedSessionCodecSourceTest {

    private final PlannedSessionCodec codec = new PlannedSessionCodec();

    @Test
    void aPlanWrittenBeforeSourceIdentitiesDecodesToItsLocalSource() {
        String old = """
                {"uploadSessionId":"us-1","profile":"std","batchKey":"b","plannedAt":1,"files":[{"fileId":"f-1",
                "sessionFileName":"a.pdf","originalFileName":"a.pdf","sourceUri":"file:///in/a.pdf",
                "path":"/real/in/a.pdf","sizeBytes":10,"contentType":null,"registeredAt":0,"attributes":{},
                "sha256":"ab"}]}""";

        PlannedFile file = codec.read(old.getBytes(StandardCharsets.UTF_8)).files().get(0);

        assertThat(file.source()).isEqualTo(new SourceObject("file:///in/a.pdf", "/real/in/a.pdf", 10, null));
        assertThat(file.sha256()).isEqualTo("ab");
    }

    @Test
    void anObjectsUriLocationAndIdentityRoundTrip() {
        PlannedFile object = new PlannedFile("f-2", "b.pdf", "b.pdf", "s3://inbox/in/b%20c.pdf", "s3://inbox/in/b c.pdf",
                20, "application/pdf", 0, Map.of("k", "v"), "cd", null, "etag=\"e1\";version=v3", 0);

        String json = new String(codec.write(new PlannedSession("us-2", "std", null, 1, List.of(object))),
                StandardCharsets.UTF_8);
        PlannedFile read = codec.read(json.getBytes(StandardCharsets.UTF_8)).files().get(0);

        assertThat(read).isEqualTo(object);
        assertThat(read.source().identity()).isEqualTo("etag=\"e1\";version=v3");
        assertThat(json).contains("\"path\":\"s3://inbox/in/b c.pdf\"").doesNotContain("\"source\"");
    }
}
