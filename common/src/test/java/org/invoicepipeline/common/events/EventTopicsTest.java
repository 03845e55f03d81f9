package org.invoicepipeline.common.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.invoicepipeline.events.ExtractionResult;
import org.invoicepipeline.events.FileRegistered;
import org.junit.jupiter.api.Test;

class EventTopicsTest {

    @Test
    void defaultsAreTheDocumentedTopicNames() {
        EventTopics topics = EventTopics.defaults();

        assertThat(topics.filesRegistered()).isEqualTo("files-registered");
        assertThat(topics.partsUploaded()).isEqualTo("parts-uploaded");
        assertThat(topics.extractionSubmitted()).isEqualTo("extraction-submitted");
        assertThat(topics.extractionCompleted()).isEqualTo("extraction-completed");
        assertThat(topics.extractionResults()).isEqualTo("extraction-results");
        assertThat(topics.extractionQuestions()).isEqualTo("extraction-questions");
    }

    @Test
    void everyEventTypeMapsToItsConfiguredTopic() {
        EventTopics topics = EventTopics.defaults().withExtractionResults("erp.invoice-results")
                .withExtractionQuestions("erp.extraction-questions");

        assertThat(EventType.EXTRACTION_RESULT.topic(topics)).isEqualTo("erp.invoice-results");
        assertThat(EventType.EXTRACTION_QUESTIONS_ASKED.topic(topics)).isEqualTo("erp.extraction-questions");
        assertThat(EventType.FILE_REGISTERED.topic(topics)).isEqualTo("files-registered");
        for (EventType type : EventType.values()) {
            assertThat(type.topic(EventTopics.defaults())).isEqualTo(type.defaultTopic());
        }
    }

    @Test
    void refusesIllegalKafkaTopicNames() {
        assertThatIllegalArgumentException().isThrownBy(() -> EventTopics.defaults().withPartsUploaded("parts uploaded"));
        assertThatIllegalArgumentException().isThrownBy(() -> EventTopics.defaults().withPartsUploaded(".."));
        assertThatIllegalArgumentException().isThrownBy(() -> EventTopics.defaults().withPartsUploaded(""));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EventTopics.defaults().withExtractionQuestions("questions?"));
    }

    @Test
    void findsEventTypesBySchemaNameAndClass() {
        assertThat(EventType.forSchemaName("org.invoicepipeline.events.FileRegistered"))
                .contains(EventType.FILE_REGISTERED);
        assertThat(EventType.forRecordClass(ExtractionResult.class)).contains(EventType.EXTRACTION_RESULT);
        assertThat(EventType.forSchemaName("org.invoicepipeline.events.ExtractionQuestionsAsked"))
                .contains(EventType.EXTRACTION_QUESTIONS_ASKED);
        assertThat(EventType.forSchemaName("org.invoicepipeline.events.FileRef")).isEmpty();
    }

    @Test
    void theSampleEventsCoverEveryEventType() {
        // The serde and registry tests iterate over SampleEvents.everyType(): a new event must be in it.
        assertThat(SampleEvents.everyType().stream().map(event -> EventType.forRecordClass(event.getClass()).orElseThrow()))
                .containsExactly(EventType.values());
    }

    @Test
    void questionsAreKeyedByExtractionId() {
        assertThat(EventKeys.of(SampleEvents.extractionQuestionsAsked()))
                .isEqualTo("a1b2c3d4-e5f6-7890-abcd-ef1234567890");
    }

    @Test
    void filesRegisteredAreKeyedByBatchKeyElseFileId() {
        FileRegistered batched = SampleEvents.fileRegistered();
        FileRegistered single = FileRegistered.newBuilder(batched).setBatchKey(null).build();

        assertThat(EventKeys.of(batched)).isEqualTo("supplier-acme-2026-07");
        assertThat(EventKeys.of(single)).isEqualTo("erp-42:inv-2026-0001");
    }
}
