package org.invoicepipeline.upload.source;

import java.io.IOException;

/** The source is no longer the content resolved at validation (another ETag, version or size): SOURCE_CHANGED. */
public class SourceChangedException extends IOException {

    public SourceChangedException(String message) {
        super(message);
    }
}
