package org.invoicepipeline.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.invoicepipeline.client.ClientOptions;
import org.invoicepipeline.client.InvoiceExtractionClient;
import org.invoicepipeline.client.model.ExtractionState;
import org.invoicepipeline.client.model.ListExtractionsQuery;
import org.invoicepipeline.common.testing.WorkerTestInfrastructure;
import org.invoicepipeline.sandbox.ApiSandbox;
import org.invoicepipeline.common.kafka.PipelineHeaders;
import org.invoicepipeline.common.testing.TopicRecorder;
import org.invoicepipeline.common.profile.SubmissionIds;
import org.invoicepipeline.events.ExtractionResult;
import org.invoicepipeline.events.ExtractionSubmitted;
import org.invoicepipeline.events.ResultStatus;
import org.invoicepipeline.sandbox.http.ErrorCode;
import org.invoicepipeline.events.FileRef;
import org.invoicepipeline.events.PartsUploaded;
import org.invoicepipeline.sandbox.account.AccountCounters;
import org.invoicepipeline.submit.SubmitWorkerRig.Topics;
import org.invoicepipeline.submit.admission.AdmissionGate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

class SubmitWorkerIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** How long "nothing more happened" is watched for after an awaited event. */
    private static final Duration QUIET_PERIOD = Duration.ofSeconds(2);

    private static SubmitWorkerRig rig;

    @BeforeAll
    static void startRig() {
        rig = new SubmitWorkerRig();
    }

    @AfterAll
    static void stopRig() {
        if (rig != null) {
            rig.close();
        }
    }

    @BeforeEach
    void resetSandbox() {
        rig.sandbox.control().resetFaults().setCredits(SubmitWorkerRig.API_KEY, 100_000);
    }

    @Test
    void eachUploadedSessionIsSubmittedOnceWithItsDeterministicSubmissionId() throws Exception {
        Topics topics = createdTopics("happy");
        PartsUploaded two = rig.uploadedSession("happy-s1", "std", 2);
        PartsUploaded one = rig.uploadedSession("happy-s2", "std", 1);

        try (TopicRecorder recorder = recorder(topics);
             ConfigurableApplicationContext worker = rig.startWorker(topics, Map.of())) {
            rig.publish(topics.partsUploaded(), two);
            rig.publish(topics.partsUploaded(), one);

            await().atMost(WAIT).until(() -> recorder.on(topics.submitted()).size() == 2);

            Map<String, ExtractionSubmitted> bySession = recorder.on(topics.submitted()).stream().map(rig::submitted)
                    .collect(Collectors.toMap(ExtractionSubmitted::getUploadSessionId, s -> s));
            ExtractionSubmitted first = bySession.get("happy-s1");
            assertThat(first.getSubmissionId()).isEqualTo(SubmissionIds.of("happy-s1", 1));
            assertThat(first.getAttempt()).isEqualTo(1);
            assertThat(first.getProfile()).isEqualTo("std");
            assertThat(first.getBatchKey()).isEqualTo("batch-happy-s1");
            assertThat(first.getFiles()).extracting(FileRef::getFileId).containsExactly("happy-s1-f0", "happy-s1-f1");
            assertThat(first.getFiles()).extracting(f -> f.getAttributes().get("n")).containsExactly("0", "1");
            Map<String, java.util.UUID> extractions = rig.sandbox.control().extractionsBySubmissionId(SubmitWorkerRig.API_KEY);
            assertThat(extractions.get(first.getSubmissionId()).toString()).isEqualTo(first.getExtractionId());
            assertThat(bySession.get("happy-s2").getExtractionId())
                    .isEqualTo(extractions.get(SubmissionIds.of("happy-s2", 1)).toString());
            assertThat(extractionsPerSubmission(first.getSubmissionId())).isEqualTo(1);
            assertThat(recorder.on(topics.dlt())).isEmpty();
        }
    }

    @Test
    void invalidAndPoisonRecordsAreDeadLetteredWithCodesWhileValidOnesAreSubmitted() throws Exception {
        Topics topics = createdTopics("invalid");
        PartsUploaded unknownProfile = rig.uploadedSession("invalid-s1", "no-such-profile", 1);
        PartsUploaded valid = rig.uploadedSession("invalid-s2", "std", 1);
        PartsUploaded notCompleted = PartsUploaded.newBuilder(valid).setUploadSessionId("invalid-s2")
                .setFiles(List.of(FileRef.newBuilder(valid.getFiles().get(0)).setApiFileId("never-uploaded").build()))
                .build();
        PartsUploaded nothingCompleted = PartsUploaded.newBuilder(valid).setUploadSessionId("invalid-empty")
                .setFiles(List.of()).build();
        byte[] garbage = "not an event at all".getBytes(StandardCharsets.UTF_8);

        try (TopicRecorder recorder = recorder(topics);
             ConfigurableApplicationContext worker = rig.startWorker(topics, Map.of())) {
            rig.sendRaw(topics.partsUploaded(), "poison", garbage);
            rig.publish(topics.partsUploaded(), unknownProfile);
            rig.publish(topics.partsUploaded(), notCompleted);
            rig.publish(topics.partsUploaded(), nothingCompleted);
            rig.publish(topics.partsUploaded(), valid);

            await().atMost(WAIT).until(() -> recorder.on(topics.dlt()).size() == 3 && recorder.on(topics.submitted()).size() == 1);

            Map<String, ConsumerRecord<String, byte[]>> dead = recorder.on(topics.dlt()).stream()
                    .collect(Collectors.toMap(ConsumerRecord::key, r -> r));
            assertThat(SubmitWorkerRig.header(dead.get("invalid-s1"), PipelineHeaders.ERROR_CODE)).contains("UNKNOWN_PROFILE");
            assertThat(SubmitWorkerRig.header(dead.get("invalid-s2"), PipelineHeaders.ERROR_CODE)).contains("INVALID_INPUT");
            assertThat(SubmitWorkerRig.header(dead.get("invalid-s2"), PipelineHeaders.ERROR_RETRYABLE)).contains("false");
            assertThat(dead.get("poison").value()).isEqualTo(garbage);
            assertThat(SubmitWorkerRig.header(dead.get("poison"), PipelineHeaders.ERROR_CODE)).isPresent();
            assertThat(dead.values()).allSatisfy(r -> {
                assertThat(SubmitWorkerRig.header(r, PipelineHeaders.STAGE)).contains("submit");
                assertThat(SubmitWorkerRig.header(r, PipelineHeaders.ATTEMPTS)).contains("1");
                assertThat(SubmitWorkerRig.header(r, "kafka_dlt-original-topic")).contains(topics.partsUploaded());
            });
            assertThat(rig.submitted(recorder.on(topics.submitted()).get(0)).getUploadSessionId()).isEqualTo("invalid-s2");
            assertThat(extractionsPerSubmission(SubmissionIds.of("invalid-s1", 1))).isZero();
            assertThat(extractionsPerSubmission(SubmissionIds.of("invalid-empty", 1))).isZero();
        }
    }

    @Test
    void aSessionTheApiRefusesForGoodIsDeadLetteredAndEachOfItsFilesGetsOneDeadLetteredResult() throws Exception {
        Topics topics = createdTopics("refused");
        PartsUploaded refused = rig.uploadedSession("refused-s1", "std", 2);
        PartsUploaded valid = rig.uploadedSession("refused-s2", "std", 1);
        rig.sandbox.control().failNext("submitExtraction", 1, ErrorCode.INVALID_INPUT);

        try (TopicRecorder recorder = recorder(topics);
             ConfigurableApplicationContext worker = rig.startWorker(topics, Map.of())) {
            rig.publish(topics.partsUploaded(), refused);
            await().atMost(WAIT).until(() -> recorder.on(topics.dlt()).size() == 1);
            rig.publish(topics.partsUploaded(), valid);
            await().atMost(WAIT).until(() -> recorder.on(topics.submitted()).size() == 1);

            ConsumerRecord<String, byte[]> deadLetter = recorder.on(topics.dlt()).get(0);
            assertThat(deadLetter.key()).isEqualTo("refused-s1");
            assertThat(SubmitWorkerRig.header(deadLetter, PipelineHeaders.ERROR_CODE)).contains("INVALID_INPUT");
            List<ExtractionResult> results = recorder.on(topics.results()).stream().map(rig::result).toList();
            assertThat(results).extracting(ExtractionResult::getFileId)
                    .containsExactlyInAnyOrder("refused-s1-f0", "refused-s1-f1");
            assertThat(results).allSatisfy(result -> {
                assertThat(result.getStatus()).isEqualTo(ResultStatus.DEAD_LETTERED);
                assertThat(result.getError().getCode()).isEqualTo("INVALID_INPUT");
                assertThat(result.getUploadSessionId()).isEqualTo("refused-s1");
                assertThat(result.getResultId()).isEqualTo(result.getFileId() + "/refused-s1");
            });
            assertThat(recorder.on(topics.results())).extracting(ConsumerRecord::key)
                    .containsExactlyInAnyOrder("refused-s1-f0", "refused-s1-f1");
            assertThat(extractionsPerSubmission(SubmissionIds.of("refused-s1", 1))).isZero();
        }
    }

    @Test
    void aWorkerStoppedMidBatchAndRedeliveredRecordsCreateNoSecondExtraction() throws Exception {
        Topics topics = createdTopics("replay");
        List<PartsUploaded> sessions = List.of(rig.uploadedSession("replay-s1", "std", 1),
                rig.uploadedSession("replay-s2", "std", 1), rig.uploadedSession("replay-s3", "std", 2),
                rig.uploadedSession("replay-s4", "std", 1));
        rig.sandbox.control().addLatency("submitExtraction", Duration.ofMillis(700));

        try (TopicRecorder recorder = recorder(topics)) {
            ConfigurableApplicationContext first = rig.startWorker(topics,
                    Map.of("spring.lifecycle.timeout-per-shutdown-phase", "300ms"));
            for (PartsUploaded session : sessions) {
                rig.publish(topics.partsUploaded(), session);
            }
            await().atMost(WAIT).until(() -> rig.sandbox.control().counters(SubmitWorkerRig.API_KEY)
                    .calls("submitExtraction") >= 1);
            first.close();
            rig.sandbox.control().resetFaults();
            // an upstream replay of two sessions on top of the restart
            rig.publish(topics.partsUploaded(), sessions.get(0));
            rig.publish(topics.partsUploaded(), sessions.get(2));

            try (ConfigurableApplicationContext second = rig.startWorker(topics, Map.of())) {
                await().atMost(WAIT).until(() -> recorder.on(topics.submitted()).stream().map(rig::submitted)
                        .map(ExtractionSubmitted::getUploadSessionId).collect(Collectors.toSet())
                        .equals(Set.of("replay-s1", "replay-s2", "replay-s3", "replay-s4"))
                        && recorder.on(topics.submitted()).size() >= 6);
            }
            Map<String, Set<String>> extractionIdsBySubmission = recorder.on(topics.submitted()).stream().map(rig::submitted)
                    .collect(Collectors.groupingBy(ExtractionSubmitted::getSubmissionId,
                            Collectors.mapping(ExtractionSubmitted::getExtractionId, Collectors.toSet())));
            assertThat(extractionIdsBySubmission).hasSize(4).allSatisfy((id, extractionIds) -> assertThat(extractionIds).hasSize(1));
            for (PartsUploaded session : sessions) {
                assertThat(extractionsPerSubmission(SubmissionIds.of(session.getUploadSessionId(), 1))).isEqualTo(1);
            }
            assertThat(recorder.on(topics.dlt())).isEmpty();
        }
    }

    @Test
    void shortCreditsHoldTheStageWithoutDeadLettersUntilCreditsArrive() throws Exception {
        Topics topics = createdTopics("credits");
        PartsUploaded session = rig.uploadedSession("credits-s1", "std", 2);
        rig.sandbox.control().setCredits(SubmitWorkerRig.API_KEY, 1);

        try (TopicRecorder recorder = recorder(topics);
             ConfigurableApplicationContext worker = rig.startWorker(topics, Map.of())) {
            AdmissionGate gate = worker.getBean(AdmissionGate.class);
            long balanceCallsBefore = rig.sandbox.control().counters(SubmitWorkerRig.API_KEY).calls("getCreditsBalance");
            rig.publish(topics.partsUploaded(), session);

            await().atMost(WAIT).until(() -> gate.isHolding() && rig.sandbox.control().counters(SubmitWorkerRig.API_KEY)
                    .calls("getCreditsBalance") >= balanceCallsBefore + 3);
            assertThat(pausedGauge(worker)).isEqualTo(1.0);
            assertThat(recorder.on(topics.submitted())).isEmpty();
            assertThat(recorder.on(topics.dlt())).isEmpty();
            assertThat(extractionsPerSubmission(SubmissionIds.of("credits-s1", 1))).isZero();

            rig.sandbox.control().setCredits(SubmitWorkerRig.API_KEY, 1_000);
            await().atMost(WAIT).until(() -> recorder.on(topics.submitted()).size() == 1);
            // and nothing more: no second submission, no dead letter
            await().during(QUIET_PERIOD).atMost(QUIET_PERIOD.multipliedBy(3))
                    .until(() -> recorder.on(topics.submitted()).size() == 1 && recorder.on(topics.dlt()).isEmpty());
            assertThat(gate.isHolding()).isFalse();
            assertThat(pausedGauge(worker)).isEqualTo(0.0);
            assertThat(recorder.on(topics.dlt())).isEmpty();
        }
    }

    @Test
    void pausedSubmissionsHoldTheStageWithoutDeadLettersUntilTheApiResumes() throws Exception {
        Topics topics = createdTopics("paused");
        PartsUploaded session = rig.uploadedSession("paused-s1", "std", 1);
        rig.sandbox.control().pauseSubmissions(Duration.ofSeconds(3));

        try (TopicRecorder recorder = recorder(topics);
             ConfigurableApplicationContext worker = rig.startWorker(topics, Map.of())) {
            long pausedBefore = rig.sandbox.control().counters(SubmitWorkerRig.API_KEY).calls("submitExtraction", 503);
            rig.publish(topics.partsUploaded(), session);

            await().atMost(WAIT).until(() -> rig.sandbox.control().counters(SubmitWorkerRig.API_KEY)
                    .calls("submitExtraction", 503) > pausedBefore);
            await().atMost(WAIT).until(() -> recorder.on(topics.submitted()).size() == 1);
            await().during(QUIET_PERIOD).atMost(QUIET_PERIOD.multipliedBy(3))
                    .until(() -> recorder.on(topics.submitted()).size() == 1 && recorder.on(topics.dlt()).isEmpty());
            assertThat(recorder.on(topics.dlt())).isEmpty();
            assertThat(worker.getBean(AdmissionGate.class).isHolding()).isFalse();
            assertThat(extractionsPerSubmission(SubmissionIds.of("paused-s1", 1))).isEqualTo(1);
        }
    }

    @Test
    void atTheAccountsConcurrencyLimitTheStageHoldsInsteadOfProvokingConcurrentTaskLimit() throws Exception {
        Topics topics = createdTopics("concurrency");
        // a sandbox of its own: 3 extractions at once, each in flight for about a second
        try (ApiSandbox narrow = ApiSandbox.builder().apiKey(SubmitWorkerRig.API_KEY).credits(1_000)
                .rateLimitScale(WorkerTestInfrastructure.RATE_LIMIT_SCALE).concurrentTaskLimit(3)
                .pageProcessingTime(Duration.ofMillis(1200)).port(0).start();
             InvoiceExtractionClient client = InvoiceExtractionClient.create(ClientOptions.builder()
                     .baseUrl(narrow.baseUrl()).apiKey(SubmitWorkerRig.API_KEY)
                     .rateLimitScale(WorkerTestInfrastructure.RATE_LIMIT_SCALE).build())) {
            List<PartsUploaded> sessions = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                sessions.add(rig.uploadedSession(client, "concurrency-s" + i, "std", 1));
            }
            try (TopicRecorder recorder = recorder(topics);
                 ConfigurableApplicationContext worker = rig.startWorker(topics, Map.of(
                         "pipeline.api.base-url", narrow.baseUrl(),
                         "pipeline.submit.concurrency", "2",
                         "pipeline.submit.admission.concurrency-limit", "3",
                         "pipeline.submit.admission.concurrency-limit-wait", "300ms"))) {
                for (PartsUploaded session : sessions) {
                    rig.publish(topics.partsUploaded(), session);
                }

                await().atMost(WAIT).until(() -> recorder.on(topics.submitted()).size() >= 7);
                await().atMost(WAIT).until(() -> narrow.control().runningExtractions(SubmitWorkerRig.API_KEY) == 0);
                List<String> failed = client.listAllExtractions(ListExtractionsQuery.builder()
                        .status(ExtractionState.FAILED).build()).map(e -> e.extractionId()).toList();
                assertThat(failed).as("extractions failed CONCURRENT_TASK_LIMIT").isEmpty();
                assertThat(narrow.control().counters(SubmitWorkerRig.API_KEY).maxConcurrentExtractions()).isBetween(2L, 3L);
                assertThat(worker.getBean(io.micrometer.core.instrument.MeterRegistry.class)
                        .get("pipeline.submit.admission.holds").tag("reason", AdmissionGate.CONCURRENT_TASK_LIMIT)
                        .counter().count()).isPositive();
                assertThat(recorder.on(topics.dlt())).isEmpty();
            }
        }
    }

    /** The test's own topics, created on the broker. */
    private static Topics createdTopics(String name) {
        Topics topics = Topics.named(name);
        rig.createTopics(topics);
        return topics;
    }

    /** Records every topic of the test from now on. */
    private static TopicRecorder recorder(Topics topics) {
        return new TopicRecorder(rig.broker.getBrokersAsString(), topics.all(), SubmitWorkerRig.PARTITIONS);
    }

    private static long extractionsPerSubmission(String submissionId) {
        AccountCounters counters = rig.sandbox.control().counters(SubmitWorkerRig.API_KEY);
        return counters.extractionsBySubmissionId().getOrDefault(submissionId, 0L);
    }

    private static double pausedGauge(ConfigurableApplicationContext worker) {
        return worker.getBean(io.micrometer.core.instrument.MeterRegistry.class)
                .get("pipeline.submit.admission.paused").gauge().value();
    }
}
