package org.invoicepipeline.poll.questions;

import org.invoicepipeline.client.model.Question;

import java.time.Instant;
import java.util.List;

/**
 * The JSON value published to the questions topic when an extraction stops to ask (status
 * {@code input_required}); keyed by extraction id. Someone (or something) answers them through the API's answers
 * endpoint; the poll worker keeps waiting and notices when the extraction continues.
 *
 * @param extractionId     the API's extraction id
 * @param submissionId     our submission id
 * @param uploadSessionId  our upload session id
 * @param profile          the extraction profile
 * @param batchKey         the files' batch key, or null
 * @param fileIds          FileRegistered ids of the extraction's files
 * @param answerBy         the deadline; unanswered extractions are cancelled then
 * @param questions        every open question, as the API asked it
 * @param acceptingRecommended true when the profile answers them with the recommendations automatically
 * @param askedAt          when the worker saw the questions
 */
public record QuestionsAsked(String extractionId, String submissionId, String uploadSessionId, String profile,
                             String batchKey, List<String> fileIds, Instant answerBy, List<Question> questions,
                             boolean acceptingRecommended, Instant askedAt) {
}
