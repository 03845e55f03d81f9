package org.invoicepipeline.common.serde;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.SchemaStore;
import org.invoicepipeline.common.events.EventType;

/**
 * Writer schemas for single-object decoding, by fingerprint: every released schema plus the current one of
 * each event, so bytes written by any released producer decode with the current classes.
 */
public final class EventSchemaStore implements SchemaStore {

    private final Map<Long, Schema> byFingerprint;

    private EventSchemaStore(Map<Long, Schema> byFingerprint) {
        this.byFingerprint = Map.copyOf(byFingerprint);
    }

    /** The released schemas of every event and the current schemas of this build. */
    public static EventSchemaStore releasedAndCurrent() {
        Map<Long, Schema> schemas = new HashMap<>();
        for (ReleasedSchema released : EventSchemaHistory.released()) {
            schemas.put(released.fingerprint(), released.schema());
        }
        for (EventType type : EventType.values()) {
            schemas.put(SchemaNormalization.parsingFingerprint64(type.schema()), type.schema());
        }
        return new EventSchemaStore(schemas);
    }

    /** A store of exactly {@code schemas}. */
    public static EventSchemaStore of(Collection<Schema> schemas) {
        Map<Long, Schema> byFingerprint = new HashMap<>();
        schemas.forEach(schema -> byFingerprint.put(SchemaNormalization.parsingFingerprint64(schema), schema));
        return new EventSchemaStore(byFingerprint);
    }

    /** The writer schema with this fingerprint, or {@code null} when unknown. */
    @Override
    public Schema findByFingerprint(long fingerprint) {
        return byFingerprint.get(fingerprint);
    }
}
