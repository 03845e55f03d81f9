package org.invoicepipeline.upload.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A local file holding a source's bytes ({@link SourceStore#localCopy}).
 *
 * @param path      the file
 * @param sha256    hex SHA-256 of the bytes when the store took it while copying, else null
 * @param temporary whether the file is a copy to delete on close
 */
public record LocalCopy(Path path, String sha256, boolean temporary) implements AutoCloseable {

    @Override
    public void close() throws IOException {
        if (temporary) {
            Files.deleteIfExists(path);
        }
    }
}
