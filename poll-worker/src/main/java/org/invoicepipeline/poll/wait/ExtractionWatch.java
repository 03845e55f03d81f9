package org.invoicepipeline.poll.wait;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.invoicepipeline.client.model.ApiError;
import org.invoicepipeline.events.ExtractionSubmitted;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One extraction being waited for, with the record that announced it. Only the waiter thread currently
 * checking it touches its mutable state (a watch is never scheduled twice at once).
 */
public final class ExtractionWatch {

    /** Where a record came from; its offset is committed only once the extraction is done with. */
    public record RecordPosition(TopicPartition partition, long offset) {
        static RecordPosition of(ConsumerRecord<?, ?> record) {
            return new RecordPosition(new TopicPartition(record.topic(), record.partition()), record.offset());
        }
    }

    private final ConsumerRecord<String, ExtractionSubmitted> record;
    private final RecordPosition position;
    private final List<RecordPosition> duplicates = new ArrayList<>();
    private boolean finished;
    private final Set<String> answeredQuestionIds = new HashSet<>();
    private String publishedQuestionsKey;
    private ApiError pendingResubmission;
    private boolean holdsForCredits;
    private int consecutiveErrors;

    public ExtractionWatch(ConsumerRecord<String, ExtractionSubmitted> record) {
        this.record = record;
        this.position = RecordPosition.of(record);
    }

    public ExtractionSubmitted event() {
        return record.value();
    }

    public ConsumerRecord<String, ExtractionSubmitted> record() {
        return record;
    }

    public String extractionId() {
        return record.value().getExtractionId();
    }

    public RecordPosition position() {
        return position;
    }

    /**
     * A redelivered or duplicated announcement of the same extraction, finished together with this one. Returns
     * false when this watch has already finished: the caller must then wait for the extraction itself.
     */
    synchronized boolean addDuplicate(ConsumerRecord<?, ?> duplicate) {
        if (finished) {
            return false;
        }
        duplicates.add(RecordPosition.of(duplicate));
        return true;
    }

    /** Marks the watch finished and returns the duplicates to commit with it; no duplicate joins afterwards. */
    synchronized List<RecordPosition> finishAndTakeDuplicates() {
        finished = true;
        return List.copyOf(duplicates);
    }

    /** True the first time this exact set of open questions is seen. */
    boolean firstSightOf(String questionsKey) {
        if (questionsKey.equals(publishedQuestionsKey)) {
            return false;
        }
        publishedQuestionsKey = questionsKey;
        return true;
    }

    /** Records questions as answered; returns false if every one of them was answered before. */
    boolean markAnswered(List<String> questionIds) {
        return answeredQuestionIds.addAll(questionIds);
    }

    ApiError pendingResubmission() {
        return pendingResubmission;
    }

    /** The extraction failed with {@code failure}: resubmit its files, once the credits allow if {@code forCredits}. */
    void pendingResubmission(ApiError failure, boolean forCredits) {
        this.pendingResubmission = failure;
        this.holdsForCredits = forCredits;
    }

    boolean holdsForCredits() {
        return holdsForCredits;
    }

    int failedCall() {
        return ++consecutiveErrors;
    }

    void succeededCall() {
        consecutiveErrors = 0;
    }
}
