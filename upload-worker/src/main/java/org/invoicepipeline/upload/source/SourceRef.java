package org.invoicepipeline.upload.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** A resolved source with the store that reads it. */
public record SourceRef(SourceStore store, SourceObject object) {

    public long sizeBytes() {
        return object.sizeBytes();
    }

    public Optional<String> change() throws IOException {
        return store.change(object);
    }

    public InputStream openRange(long offset, long length) throws IOException {
        return store.openRange(object, offset, length);
    }

    public LocalCopy localCopy() throws IOException {
        return store.localCopy(object);
    }
}
