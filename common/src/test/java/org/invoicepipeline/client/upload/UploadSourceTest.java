package org.invoicepipeline.client.upload;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class UploadSourceTest {

    @Test
    void readsExactlyTheRequestedRangeOfAFileRepeatably(@TempDir Path dir) throws Exception {
        byte[] content = new byte[100_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 31);
        }
        Path file = Files.write(dir.resolve("invoice.pdf"), content);
        UploadSource source = UploadSource.ofPath(file);

        assertThat(source.fileName()).isEqualTo("invoice.pdf");
        assertThat(source.sizeBytes()).isEqualTo(100_000);
        for (int i = 0; i < 2; i++) {
            try (InputStream range = source.openRange(40_000, 35_000)) {
                assertThat(range.readAllBytes()).isEqualTo(Arrays.copyOfRange(content, 40_000, 75_000));
            }
        }
    }
}
