package org.invoicepipeline.common.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.invoicepipeline.common.events.EventType;

/**
 * Reads Avro single-object encoded events: looks the writer schema up by the header's fingerprint in the
 * {@link EventSchemaStore} and resolves it to the current schema of the same event.
 */
final class SingleObjectEventDeserializer implements Deserializer<SpecificRecord> {

    /** {@code C3 01}: the single-object encoding marker (format version 1). */
    private static final byte MARKER_0 = (byte) 0xC3;
    private static final byte MARKER_1 = (byte) 0x01;
    private static final int HEADER_LENGTH = 10;

    private final EventSchemaStore schemas;
    private final Map<Long, SpecificDatumReader<SpecificRecord>> readers = new ConcurrentHashMap<>();

    SingleObjectEventDeserializer(EventSchemaStore schemas) {
        this.schemas = schemas;
    }

    @Override
    public SpecificRecord deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length < HEADER_LENGTH || data[0] != MARKER_0 || data[1] != MARKER_1) {
            throw new EventDeserializationException(EventDecodingError.NOT_AN_EVENT, topic,
                    "value of " + data.length + " bytes is not Avro single-object encoded (expected header C3 01)");
        }
        long fingerprint = ByteBuffer.wrap(data, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        SpecificDatumReader<SpecificRecord> reader = readers.computeIfAbsent(fingerprint, this::readerFor);
        if (reader == null) {
            throw new EventDeserializationException(EventDecodingError.UNKNOWN_SCHEMA, topic,
                    "no released event schema has fingerprint " + Long.toHexString(fingerprint));
        }
        try {
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, HEADER_LENGTH,
                    data.length - HEADER_LENGTH, null);
            SpecificRecord event = reader.read(null, decoder);
            if (!decoder.isEnd()) {
                throw new IOException("bytes left over after the event");
            }
            return event;
        } catch (IOException | RuntimeException e) {
            throw new EventDeserializationException(EventDecodingError.UNDECODABLE_EVENT, topic,
                    "cannot decode " + reader.getSchema().getFullName() + ": " + e, e);
        }
    }

    private SpecificDatumReader<SpecificRecord> readerFor(long fingerprint) {
        Schema writer = schemas.findByFingerprint(fingerprint);
        if (writer == null) {
            return null;
        }
        return EventType.forSchemaName(writer.getFullName())
                .map(type -> new SpecificDatumReader<SpecificRecord>(writer, type.schema(),
                        SpecificData.getForClass(type.recordClass())))
                .orElse(null);
    }
}
