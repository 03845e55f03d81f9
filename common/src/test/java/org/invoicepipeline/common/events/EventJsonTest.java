package org.invoicepipeline.common.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.invoicepipeline.events.ExtractionResult;
import org.invoicepipeline.events.FileRegistered;
import org.invoicepipeline.events.JsonNumber;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    @Test
    void anEventIsPlainJsonWithTheSchemasFieldNamesAndNoUnionWrappers() {
        FileRegistered event = SampleEvents.fileRegistered();

        JsonNode json = EventJson.of(event);

        assertThat(json.get("file_id").asText()).isEqualTo(event.getFileId());
        assertThat(json.get("registered_at").asText()).isEqualTo(event.getRegisteredAt().toString());
        assertThat(json.get("retry_generation").asInt()).isZero();
        assertThat(json.has("batch_key")).isTrue();
        assertThat(json.get("attributes").isObject()).isTrue();
    }

    @Test
    void aResultKeepsItsStatusByNameAndItsCellsWithTheApisDigits() {
        ExtractionResult result = SampleEvents.extractionResult();

        JsonNode json = EventJson.of(result);

        assertThat(json.get("status").asText()).isEqualTo(result.getStatus().name());
        assertThat(json.get("duplicate_of").isNull()).isTrue();
        assertThat(EventJson.of(new JsonNumber("1234.50")).toString()).isEqualTo("1234.50");
    }

    @Test
    void valuesOutsideRecordsMapOneToOne() {
        assertThat(EventJson.of(null).isNull()).isTrue();
        assertThat(EventJson.of(Instant.parse("2026-07-01T09:30:00Z")).asText()).isEqualTo("2026-07-01T09:30:00Z");
        assertThat(EventJson.of(List.of(1, 2L)).toString()).isEqualTo("[1,2]");
        assertThat(EventJson.of(Map.of("k", true)).toString()).isEqualTo("{\"k\":true}");
        assertThat(EventJson.of(ByteBuffer.wrap(new byte[] {1, 2, 3})).asText()).isEqualTo("AQID");
    }
}
