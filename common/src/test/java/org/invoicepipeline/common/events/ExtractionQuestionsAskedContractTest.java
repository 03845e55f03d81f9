package org.invoicepipeline.common.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.Encoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.invoicepipeline.events.AnswerChoice;
import org.invoicepipeline.events.ExtractionQuestionsAsked;
import org.invoicepipeline.events.OpenQuestion;
import org.invoicepipeline.events.QuestionType;
import org.junit.jupiter.api.Test;

/** What a tool answering questions relies on beyond the shape of the record. */
class ExtractionQuestionsAskedContractTest {

    @Test
    void aQuestionTypeAddedLaterIsReadAsUnknownSoItCanStillBeAnsweredWithText() throws IOException {
        Schema current = ExtractionQuestionsAsked.getClassSchema();
        // A later producer whose QuestionType has a symbol this reader does not know.
        Schema later = new Schema.Parser().parse(current.toString()
                .replace("\"FREE_TEXT\"]", "\"FREE_TEXT\",\"DATE_FORMAT\"]"));
        assertThat(later.toString()).contains("DATE_FORMAT");
        GenericRecord written = asGenericRecord(SampleEvents.extractionQuestionsAsked(), current, later, "FREE_TEXT",
                "DATE_FORMAT");

        ExtractionQuestionsAsked read = readAsCurrent(written, later);

        assertThat(read.getQuestions()).extracting(OpenQuestion::getType)
                .containsExactly(QuestionType.SINGLE_CHOICE, QuestionType.UNKNOWN);
        assertThat(read.getQuestions().get(1).getQuestionId()).isEqualTo("q_2");
    }

    @Test
    void optionalPartsOfAQuestionHaveDefaultsAnOlderWriterDidNotNeedToSet() {
        OpenQuestion minimal = OpenQuestion.newBuilder()
                .setQuestionId("q_9")
                .setType(QuestionType.FREE_TEXT)
                .setQuestion("Which currency applies when none is printed?")
                .setScope(SampleEvents.extractionQuestionsAsked().getQuestions().get(0).getScope())
                .build();
        AnswerChoice choice = AnswerChoice.newBuilder().setChoiceId("a").setLabel("EUR").build();

        assertThat(minimal.getChoices()).isEmpty();
        assertThat(minimal.getExampleFromDocuments()).isNull();
        assertThat(minimal.getRecommendedApproach()).isNull();
        assertThat(minimal.getPreviousAnswerRejected()).isFalse();
        assertThat(choice.getRecommended()).isFalse();
        assertThat(choice.getCellWouldContain()).isNull();
    }

    /** The event as a later producer would write it, with {@code symbol} replaced by {@code laterSymbol}. */
    private static GenericRecord asGenericRecord(ExtractionQuestionsAsked event, Schema current, Schema later,
                                                 String symbol, String laterSymbol) throws IOException {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        Encoder encoder = EncoderFactory.get().jsonEncoder(current, json);
        new SpecificDatumWriter<ExtractionQuestionsAsked>(current).write(event, encoder);
        encoder.flush();
        String laterJson = json.toString(java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"" + symbol + "\"", "\"" + laterSymbol + "\"");
        return new GenericDatumReader<GenericRecord>(later)
                .read(null, DecoderFactory.get().jsonDecoder(later, laterJson));
    }

    private static ExtractionQuestionsAsked readAsCurrent(GenericRecord written, Schema writer) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Encoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        new GenericDatumWriter<GenericRecord>(writer).write(written, encoder);
        encoder.flush();
        return new SpecificDatumReader<ExtractionQuestionsAsked>(writer, ExtractionQuestionsAsked.getClassSchema())
                .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
    }
}
