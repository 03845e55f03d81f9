package org.invoicepipeline.common.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaNormalization;
import org.invoicepipeline.common.events.EventType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The evolution rules of the event contracts: the current schema of every event reads what every released
 * schema wrote (backward) and every released schema reads what the current one writes (forward), and the
 * current schema itself is released, so single-object readers know it.
 */
class EventSchemaCompatibilityTest {

    static Stream<ReleasedSchema> releasedSchemas() {
        return EventSchemaHistory.released().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("releasedSchemas")
    void currentSchemaReadsWhatEveryReleasedSchemaWrote(ReleasedSchema released) {
        Schema current = released.type().schema();

        var result = SchemaCompatibility.checkReaderWriterCompatibility(current, released.schema());

        assertThat(result.getType())
                .as("backward compatibility of %s with released v%d: %s", released.type(), released.version(),
                        result.getResult().getIncompatibilities())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("releasedSchemas")
    void everyReleasedSchemaReadsWhatTheCurrentSchemaWrites(ReleasedSchema released) {
        Schema current = released.type().schema();

        var result = SchemaCompatibility.checkReaderWriterCompatibility(released.schema(), current);

        assertThat(result.getType())
                .as("forward compatibility of %s with released v%d: %s", released.type(), released.version(),
                        result.getResult().getIncompatibilities())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventHasReleasedSchemasWithoutGaps(EventType type) {
        List<ReleasedSchema> released = EventSchemaHistory.released(type);

        assertThat(released).isNotEmpty();
        for (int i = 0; i < released.size(); i++) {
            assertThat(released.get(i).version()).isEqualTo(i + 1);
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void theCurrentSchemaIsReleased(EventType type) {
        long current = SchemaNormalization.parsingFingerprint64(type.schema());
        List<ReleasedSchema> released = EventSchemaHistory.released(type);

        assertThat(released)
                .as("the current %s schema changed: release it as src/main/resources/%s (the output of "
                        + "EventType.%s.schema().toString(true)) after checking the evolution rules",
                        type, EventSchemaHistory.resourceName(type, released.size() + 1), type.name())
                .anySatisfy(schema -> assertThat(schema.fingerprint()).isEqualTo(current));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void releasedSchemasAreSelfContainedAndNamedAfterTheirEvent(EventType type) {
        for (ReleasedSchema released : EventSchemaHistory.released(type)) {
            // Parsing each file with a fresh parser (done by EventSchemaHistory) proves self-containment.
            assertThat(released.schema().getFullName()).isEqualTo(type.schemaName());
            assertThat(released.schema().getType()).isEqualTo(Schema.Type.RECORD);
        }
    }
}
