package org.invoicepipeline.common.serde;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.invoicepipeline.common.events.EventType;

/**
 * A schema of an event as it was released: version {@code version} of {@code type}'s schema.
 */
public record ReleasedSchema(EventType type, int version, Schema schema) {

    /** CRC-64-AVRO fingerprint of the parsing canonical form: what single-object encoding puts in its header. */
    public long fingerprint() {
        return SchemaNormalization.parsingFingerprint64(schema);
    }
}
