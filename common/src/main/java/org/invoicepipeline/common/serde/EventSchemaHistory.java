package org.invoicepipeline.common.serde;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;
import org.invoicepipeline.common.events.EventType;

/**
 * Every released schema of every event, read from the classpath at
 * {@code org/invoicepipeline/events/history/<EventName>/v<N>.avsc} (N = 1, 2, ... without gaps).
 * A schema is released by copying the current schema there before it ships; released files never change.
 */
public final class EventSchemaHistory {

    /** Classpath folder of the released schemas. */
    public static final String LOCATION = "org/invoicepipeline/events/history";

    private EventSchemaHistory() {
    }

    /** The released schemas of every event type, oldest first within a type. */
    public static List<ReleasedSchema> released() {
        List<ReleasedSchema> released = new ArrayList<>();
        for (EventType type : EventType.values()) {
            released.addAll(released(type));
        }
        return List.copyOf(released);
    }

    /** The released schemas of {@code type}, oldest first. */
    public static List<ReleasedSchema> released(EventType type) {
        List<ReleasedSchema> released = new ArrayList<>();
        ClassLoader loader = EventSchemaHistory.class.getClassLoader();
        for (int version = 1; ; version++) {
            String resource = resourceName(type, version);
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in == null) {
                    return released;
                }
                Schema schema = new Schema.Parser().parse(in);
                if (!schema.getFullName().equals(type.schemaName())) {
                    throw new IllegalStateException(resource + " defines " + schema.getFullName() + ", not "
                            + type.schemaName());
                }
                released.add(new ReleasedSchema(type, version, schema));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read released schema " + resource, e);
            }
        }
    }

    /** Classpath resource name of version {@code version} of {@code type}'s schema. */
    public static String resourceName(EventType type, int version) {
        return LOCATION + "/" + type.recordClass().getSimpleName() + "/v" + version + ".avsc";
    }
}
