package org.invoicepipeline.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.invoicepipeline.common.kafka.PipelineHeaders;
import org.invoicepipeline.common.testing.TopicRecorder;
import org.invoicepipeline.common.serde.EventDeserializer;
import org.invoicepipeline.events.ExtractionResult;
import org.invoicepipeline.events.FileRef;
import org.invoicepipeline.events.FileRegistered;
import org.invoicepipeline.events.PartsUploaded;
import org.invoicepipeline.events.ResultStatus;
import org.invoicepipeline.sandbox.account.AccountCounters;
import org.invoicepipeline.sandbox.http.ErrorCode;
import org.invoicepipeline.upload.UploadWorkerRig.Topics;
import org.invoicepipeline.upload.plan.PlannedFile;
import org.invoicepipeline.upload.plan.PlannedSession;
import org.invoicepipeline.upload.plan.PlannedSessionCodec;
import org.invoicepipeline.upload.plan.UploadSessionIds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

class UploadWorkerIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path tempDir;

    private static UploadWorkerRig rig;

    @BeforeAll
    static void startRig() throws Exception {
        rig = new UploadWorkerRig(tempDir);
    }

    @AfterAll
    static void stopRig() {
        if (rig != null) {
            rig.close();
        }
    }

    @BeforeEach
    void resetSandbox() {
        rig.sandbox.control().resetFaults().resetCounters(UploadWorkerRig.API_KEY).setCredits(UploadWorkerRig.API_KEY, 100_000);
    }

    @Test
    void validFilesAreUploadedInSessionsWhileInvalidOnesAreDeadLetteredWithTheirCodes() throws Exception {
        Topics topics = createdTopics("happy");
        Path a1 = rig.samplePdf("a1.pdf", 1);
        Path a2 = rig.samplePdf("a2.pdf", 2);
        Path sameName = Files.createDirectories(rig.allowedRoot.resolve("sub")).resolve("a1.pdf");
        Files.copy(rig.samplePdf("a3.pdf", 3), sameName);
        Path single = rig.samplePdf("single.pdf", 4);
        Path big = rig.bytesFile(rig.allowedRoot, "big.pdf", 300 * 1024);
        Path outside = rig.bytesFile(rig.outsideRoot, "secret.pdf", 1000);
        Path text = rig.bytesFile(rig.allowedRoot, "notes.txt", 100);
        Path damaged = rig.corruptPdf("damaged.pdf", 5);

        try (TopicRecorder recorder = recorder(topics);
             ConfigurableApplicationContext worker = rig.startWorker(topics, Map.of())) {
            register(topics, "f-a1", "a1.pdf", a1, "batch-1");
            register(topics, "f-a2", "a2.pdf", a2, "batch-1");
            register(topics, "f-a1bis", "a1.pdf", sameName, "batch-1");
            register(topics, "f-single", "single.pdf", single, null);
            register(topics, "f-big", "big.pdf", big, "batch-1");
            rig.register(topics.filesRegistered(), UploadWorkerRig.registration("f-escape", "secret.pdf",
                    "file://" + rig.allowedRoot + "/../outside/secret.pdf", "batch-1"));
            register(topics, "f-outside", "secret.pdf", outside, null);
            rig.register(topics.filesRegistered(), UploadWorkerRig.registration("f-missing", "missing.pdf",
                    rig.allowedRoot.resolve("missing.pdf").toUri().toString(), "batch-1"));
            register(topics, "f-text", "notes.txt", text, "batch-1");
            register(topics, "bad id!", "a2.pdf", a2, "batch-1");
            register(topics, "f-damaged", "damaged.pdf", damaged, null);

            await().atMost(WAIT).until(() -> recorder.on(topics.partsUploaded()).size() == 2
                    && recorder.on(topics.filesDlt()).size() == 7 && recorder.on(topics.results()).size() == 7);

            Map<String, PartsUploaded> sessions = recorder.on(topics.partsUploaded()).stream().map(rig::parts)
                    .collect(Collectors.toMap(p -> p.getBatchKey() == null ? "none" : p.getBatchKey(), p -> p));
            PartsUploaded batch = sessions.get("batch-1");
            assertThat(batch.getFiles()).extracting(FileRef::getFileId).containsExactlyInAnyOrder("f-a1", "f-a2", "f-a1bis");
            assertThat(batch.getFiles()).extracting(FileRef::getFileName).containsExactlyInAnyOrder("a1.pdf", "a2.pdf", "2_a1.pdf");
            assertThat(batch.getFiles()).allSatisfy(f -> assertThat(f.getAttributes()).containsEntry("erp-ref", "ref-" + f.getFileId()));
            assertThat(batch.getFailedFiles()).isEmpty();
            assertThat(batch.getUploadSessionId()).matches("us-[0-9a-f]{40}");
            assertThat(sessions.get("none").getFiles()).extracting(FileRef::getFileId).containsExactly("f-single");

            Map<String, String> codes = recorder.on(topics.filesDlt()).stream().collect(Collectors.toMap(
                    ConsumerRecord::key, r -> UploadWorkerRig.header(r, PipelineHeaders.ERROR_CODE).orElseThrow(), (x, y) -> x + "," + y));
            assertThat(recorder.on(topics.filesDlt())).extracting(r -> UploadWorkerRig.header(r, PipelineHeaders.ERROR_CODE).orElseThrow())
                    .containsExactlyInAnyOrder("FILE_TOO_LARGE", "SOURCE_NOT_ALLOWED", "SOURCE_NOT_ALLOWED",
                            "SOURCE_UNREADABLE", "UNSUPPORTED_FILE_TYPE", "INVALID_FILE_ID", "CORRUPT_FILE");
            assertThat(codes).containsKey("f-outside").containsEntry("f-damaged", "CORRUPT_FILE");
            assertThat(recorder.on(topics.filesDlt())).allSatisfy(r -> {
                assertThat(UploadWorkerRig.header(r, PipelineHeaders.STAGE)).contains("upload");
                assertThat(UploadWorkerRig.header(r, PipelineHeaders.ERROR_RETRYABLE)).contains("false");
                assertThat(UploadWorkerRig.header(r, PipelineHeaders.ATTEMPTS)).contains("1");
                assertThat(UploadWorkerRig.header(r, "kafka_dlt-original-topic")).contains(topics.filesRegistered());
            });

            EventDeserializer<ExtractionResult> results = new EventDeserializer<>(ExtractionResult.class);
            results.configure(Map.of(), false);
            assertThat(recorder.on(topics.results())).extracting(r -> results.deserialize(r.topic(), r.value()))
                    .allSatisfy(result -> {
                        assertThat(result.getStatus()).isEqualTo(ResultStatus.DEAD_LETTERED);
                        assertThat(result.getError()).isNotNull();
                    })
                    .extracting(ExtractionResult::getFileId)
                    .contains("f-big", "f-escape", "f-outside", "f-missing", "f-text", "f-damaged");

            AccountCounters counters = rig.sandbox.control().counters(UploadWorkerRig.API_KEY);
            assertThat(counters.sessionsCreated()).isEqualTo(2);
            assertThat(counters.filesCompleted()).isEqualTo(4);
            assertThat(counters.calls("createUploadSession")).isEqualTo(2);
        }
    }

    @Test
    void poisonRecordsAreDeadLetteredWithTheirBytesAndTheStageGoesOn() throws Exception {
        Topics topics = createdTopics("poison");
        Path valid = rig.samplePdf("after-poison.pdf", 5);
        byte[] garbage = "definitely not an event".getBytes(StandardCharsets.UTF_8);

        try (TopicRecorder recorder = recorder(topics);
             ConfigurableApplicationContext worker = rig.startWorker(topics, Map.of())) {
            rig.sendRaw(topics.filesRegistered(), "p-key", garbage);
            rig.sendRaw(topics.planned(), "bad-plan", garbage);
            register(topics, "f-after", "after-poison.pdf", valid, null);

            await().atMost(WAIT).until(() -> recorder.on(topics.partsUploaded()).size() == 1
                    && recorder.on(topics.filesDlt()).size() == 1 && recorder.on(topics.plannedDlt()).size() == 1);

            ConsumerRecord<String, byte[]> dead = recorder.on(topics.filesDlt()).get(0);
            assertThat(dead.value()).isEqualTo(garbage);
            assertThat(dead.key()).isEqualTo("p-key");
            assertThat(UploadWorkerRig.header(dead, PipelineHeaders.ERROR_CODE)).hasValueSatisfying(code -> assertThat(code).isNotBlank());
            ConsumerRecord<String, byte[]> deadPlan = recorder.on(topics.plannedDlt()).get(0);
            assertThat(deadPlan.value()).isEqualTo(garbage);
            assertThat(UploadWorkerRig.header(deadPlan, PipelineHeaders.ERROR_CODE)).contains("INVALID_PLAN");
            assertThat(UploadWorkerRig.header(deadPlan, "kafka_dlt-original-topic")).contains(topics.planned());
            assertThat(rig.parts(recorder.on(topics.partsUploaded()).get(0)).getFiles()).extracting(FileRef::getFileId)
                    .containsExactly("f-after");
        }
    }

    @Test
    void aWorkerStoppedInTheMiddleOfASessionResumesItWithoutASecondSession() throws Exception {
        Topics topics = createdTopics("crash");
        rig.sandbox.control().addLatency("uploadPart", Duration.ofMillis(1_000));
        // one file at a time, and a shutdown that does not wait for the session: the stop is a crash
        Map<String, Object> slow = Map.of("pipeline.upload.uploader.file-concurrency", "1",
                "spring.kafka.listener.shutdown-timeout", "200ms", "spring.lifecycle.timeout-per-shutdown-phase", "300ms");

        try (TopicRecorder recorder = recorder(topics)) {
            ConfigurableApplicationContext first = rig.startWorker(topics, slow);
            for (int i = 0; i < 5; i++) {
                Path pdf = rig.samplePdf("crash-" + i + ".pdf", 10 + i);
                register(topics, "c-" + i, pdf.getFileName().toString(), pdf, "crash-batch");
            }
            await().atMost(WAIT).until(() -> rig.sandbox.control().counters(UploadWorkerRig.API_KEY).filesCompleted() >= 1);
            first.close();
            assertThat(recorder.on(topics.partsUploaded())).isEmpty();
            assertThat(recorder.on(topics.planned())).hasSize(1);
            rig.sandbox.control().resetFaults();

            try (ConfigurableApplicationContext second = rig.startWorker(topics, Map.of())) {
                await().atMost(WAIT).until(() -> !recorder.on(topics.partsUploaded()).isEmpty());
                PartsUploaded parts = rig.parts(recorder.on(topics.partsUploaded()).get(0));
                assertThat(parts.getFiles()).extracting(FileRef::getFileId)
                        .containsExactlyInAnyOrder("c-0", "c-1", "c-2", "c-3", "c-4");
                assertThat(parts.getFailedFiles()).isEmpty();
            }
            AccountCounters counters = rig.sandbox.control().counters(UploadWorkerRig.API_KEY);
            assertThat(counters.sessionsCreated()).isEqualTo(1);
            assertThat(counters.filesCompleted()).isEqualTo(5);
            assertThat(recorder.on(topics.planned())).hasSize(1);
            assertThat(recorder.on(topics.plannedDlt())).isEmpty();
        }
    }

    @Test
    void aSessionWaitsForCreditsWithoutBeingDeadLettered() throws Exception {
        Topics topics = createdTopics("credits");
        rig.sandbox.control().setCredits(UploadWorkerRig.API_KEY, 0);
        Path one = rig.samplePdf("credit-1.pdf", 20);
        Path two = rig.samplePdf("credit-2.pdf", 21);

        try (TopicRecorder recorder = recorder(topics);
             ConfigurableApplicationContext worker = rig.startWorker(topics, Map.of())) {
            register(topics, "cr-1", "credit-1.pdf", one, "credit-batch");
            register(topics, "cr-2", "credit-2.pdf", two, "credit-batch");

            await().atMost(WAIT).until(() -> rig.sandbox.control().counters(UploadWorkerRig.API_KEY)
                    .calls("createUploadSession", 402) >= 3);
            assertThat(recorder.on(topics.partsUploaded())).isEmpty();
            assertThat(recorder.on(topics.plannedDlt())).isEmpty();

            rig.sandbox.control().setCredits(UploadWorkerRig.API_KEY, 1_000);
            await().atMost(WAIT).until(() -> recorder.on(topics.partsUploaded()).size() == 1);
            assertThat(rig.parts(recorder.on(topics.partsUploaded()).get(0)).getFiles()).hasSize(2);
            assertThat(recorder.on(topics.plannedDlt())).isEmpty();
            assertThat(rig.sandbox.control().counters(UploadWorkerRig.API_KEY).sessionsCreated()).isEqualTo(1);
        }
    }

    @Test
    void filesLingeringInThePlannerWhenItStopsArePlannedOnceAfterTheRestart() throws Exception {
        Topics topics = createdTopics("linger");

        try (TopicRecorder recorder = recorder(topics)) {
            ConfigurableApplicationContext first = rig.startWorker(topics, Map.of("pipeline.upload.planner.linger", "1h"));
            for (int i = 0; i < 3; i++) {
                Path pdf = rig.samplePdf("linger-" + i + ".pdf", 30 + i);
                register(topics, "l-" + i, pdf.getFileName().toString(), pdf, "linger-batch");
            }
            MeterRegistry meters = first.getBean(MeterRegistry.class);
            await().atMost(WAIT).until(() -> meters.get("pipeline.upload.planner.waiting.files").gauge().value() == 3.0);
            first.close();
            assertThat(recorder.on(topics.planned())).isEmpty();

            try (ConfigurableApplicationContext second = rig.startWorker(topics, Map.of())) {
                await().atMost(WAIT).until(() -> recorder.on(topics.partsUploaded()).size() == 1);
            }
            assertThat(recorder.on(topics.planned())).hasSize(1);
            assertThat(rig.parts(recorder.on(topics.partsUploaded()).get(0)).getFiles()).extracting(FileRef::getFileId)
                    .containsExactlyInAnyOrder("l-0", "l-1", "l-2");
            assertThat(rig.sandbox.control().counters(UploadWorkerRig.API_KEY).sessionsCreated()).isEqualTo(1);
        }
    }

    @Test
    void rateLimitsOutlastingTheClientsRetriesHoldTheSessionWithoutDeadLetter() throws Exception {
        Topics topics = createdTopics("limited");
        Path pdf = rig.samplePdf("limited.pdf", 40);
        rig.sandbox.control().forceRateLimit("createUploadSession", 8, Duration.ofMillis(100));
        // 8 429s at 2 client attempts per delivery outlast retry.max-attempts (3): only a hold avoids a dead letter

        try (TopicRecorder recorder = recorder(topics);
             ConfigurableApplicationContext worker = rig.startWorker(topics, Map.of("pipeline.api.retry-max-attempts", "2"))) {
            register(topics, "rl-1", "limited.pdf", pdf, null);

            await().atMost(WAIT).until(() -> recorder.on(topics.partsUploaded()).size() == 1);
            assertThat(rig.sandbox.control().counters(UploadWorkerRig.API_KEY).calls("createUploadSession", 429)).isEqualTo(8);
            assertThat(recorder.on(topics.plannedDlt())).isEmpty();
        }
    }

    @Test
    void aFileRegisteredAgainAfterItWasPlannedIsSkippedAcrossSessionsAndRestarts() throws Exception {
        Topics topics = Topics.named("dup"); // not created here: the stage creates its topics, the plan log compacted
        Path pdf = rig.samplePdf("dup.pdf", 50);
        FileRegistered original = UploadWorkerRig.registration("d-1", "dup.pdf", pdf.toUri().toString(), "dup-batch");
        // the same file id under another batch, on the other partition: still the same file
        FileRegistered rebatched = UploadWorkerRig.registration("d-1", "dup.pdf", pdf.toUri().toString(), null);

        ConfigurableApplicationContext first = rig.startWorker(topics, Map.of());
        try (TopicRecorder recorder = recorder(topics)) {
            try (first) {
                assertThat(topicConfig(topics.planned(), "cleanup.policy")).isEqualTo("compact");
                rig.register(topics.filesRegistered(), original);
                await().atMost(WAIT).until(() -> recorder.on(topics.partsUploaded()).size() == 1
                        && recorder.on(topics.filesRegistered()).size() == 1);

                int otherPartition = 1 - recorder.on(topics.filesRegistered()).get(0).partition();
                rig.register(topics.filesRegistered(), original);
                rig.register(topics.filesRegistered(), otherPartition, rebatched);
                MeterRegistry meters = first.getBean(MeterRegistry.class);
                await().atMost(WAIT).until(() -> duplicates(meters) == 2.0);
                // skipped registrations are consumed: their offsets are committed like any other
                await().atMost(WAIT).until(() -> plannerCaughtUp(topics));
                assertThat(meters.get("pipeline.upload.planner.planned.files").gauge().value()).isEqualTo(1.0);
            }

            try (ConfigurableApplicationContext second = rig.startWorker(topics, Map.of())) {
                rig.register(topics.filesRegistered(), original);
                MeterRegistry meters = second.getBean(MeterRegistry.class);
                await().atMost(WAIT).until(() -> duplicates(meters) == 1.0);
                await().atMost(WAIT).until(() -> plannerCaughtUp(topics));
            }

            PlannedSessionCodec codec = new PlannedSessionCodec();
            assertThat(recorder.on(topics.planned())).singleElement()
                    .extracting(r -> codec.read(r.value()))
                    .satisfies(plan -> assertThat(plan.files()).extracting(PlannedFile::fileId).containsExactly("d-1"))
                    .extracting(PlannedSession::uploadSessionId)
                    .isEqualTo(rig.parts(recorder.on(topics.partsUploaded()).get(0)).getUploadSessionId());
            assertThat(recorder.on(topics.partsUploaded())).hasSize(1);
            assertThat(recorder.on(topics.filesDlt())).isEmpty();
            assertThat(recorder.on(topics.results())).isEmpty();
            AccountCounters counters = rig.sandbox.control().counters(UploadWorkerRig.API_KEY);
            assertThat(counters.sessionsCreated()).isEqualTo(1);
            assertThat(counters.filesCompleted()).isEqualTo(1);
        }
    }

    @Test
    void aBatchWhosePlanWouldExceedTheRecordLimitIsSplitAndNoFileIsLost() throws Exception {
        Topics topics = createdTopics("oversized");
        Path pdf = rig.samplePdf("big-batch.pdf", 60);
        String note = "n".repeat(2_500);
        String hugeNote = "h".repeat(300 * 1024);
        List<String> fileIds = new java.util.ArrayList<>();

        try (TopicRecorder recorder = recorder(topics);
             ConfigurableApplicationContext worker = rig.startWorker(topics, Map.of("pipeline.upload.planner.linger", "2s"))) {
            for (int i = 0; i < 500; i++) {
                FileRegistered event = UploadWorkerRig.registration("o-" + i, "big-batch.pdf", pdf.toUri().toString(), "one-batch");
                event.setAttributes(Map.of("erp-ref", "ref-" + i, "note", note));
                rig.register(topics.filesRegistered(), event);
                fileIds.add("o-" + i);
            }
            for (int i = 0; i < 4; i++) {
                FileRegistered event = UploadWorkerRig.registration("h-" + i, "big-batch.pdf", pdf.toUri().toString(), "huge-batch");
                event.setAttributes(Map.of("note", hugeNote));
                rig.register(topics.filesRegistered(), event);
                fileIds.add("h-" + i);
            }

            await().atMost(Duration.ofSeconds(120)).until(() -> accountedFor(recorder, topics).containsAll(fileIds));
            await().atMost(WAIT).until(() -> plannerCaughtUp(topics));

            PlannedSessionCodec codec = new PlannedSessionCodec();
            List<PlannedSession> plans = recorder.on(topics.planned()).stream().map(r -> codec.read(r.value())).toList();
            assertThat(recorder.on(topics.planned())).allSatisfy(r -> assertThat(r.value().length).isLessThan(1024 * 1024));
            assertThat(plans.stream().filter(p -> "one-batch".equals(p.batchKey())).count()).isGreaterThan(1);
            List<String> planned = plans.stream().flatMap(p -> p.files().stream()).map(PlannedFile::fileId).toList();
            assertThat(planned).doesNotHaveDuplicates();
            assertThat(planned).filteredOn(id -> id.startsWith("o-")).hasSize(500);
            // a huge file is either planned alone or dead-lettered with its own code, never both, never lost
            for (ConsumerRecord<String, byte[]> dead : recorder.on(topics.filesDlt())) {
                assertThat(UploadWorkerRig.header(dead, PipelineHeaders.ERROR_CODE)).contains("ATTRIBUTES_TOO_LARGE");
            }
        }
    }

    @Test
    void aFileNameTheApiWouldRefuseIsDeadLetteredAndItsBatchIsUploaded() throws Exception {
        Topics topics = createdTopics("dotname");
        Path one = rig.samplePdf("dot-1.pdf", 70);
        Path two = rig.samplePdf("dot-2.pdf", 71);
        Path dot = rig.samplePdf("dot-3.pdf", 72);

        try (TopicRecorder recorder = recorder(topics);
             ConfigurableApplicationContext worker = rig.startWorker(topics, Map.of())) {
            register(topics, "dn-1", "dot-1.pdf", one, "dots");
            register(topics, "dn-dot", ".pdf", dot, "dots");
            register(topics, "dn-2", "dot-2.pdf", two, "dots");

            await().atMost(WAIT).until(() -> recorder.on(topics.partsUploaded()).size() == 1
                    && recorder.on(topics.results()).size() == 1);
            assertThat(rig.parts(recorder.on(topics.partsUploaded()).get(0)).getFiles()).extracting(FileRef::getFileId)
                    .containsExactlyInAnyOrder("dn-1", "dn-2");
            assertThat(recorder.on(topics.filesDlt())).singleElement().satisfies(dead -> {
                assertThat(UploadWorkerRig.header(dead, PipelineHeaders.ERROR_CODE)).contains("INVALID_FILE_NAME");
                assertThat(UploadWorkerRig.header(dead, PipelineHeaders.ERROR_MESSAGE)).hasValueSatisfying(
                        message -> assertThat(message).contains("dn-dot").contains("'.pdf'"));
            });
            assertThat(recorder.on(topics.plannedDlt())).isEmpty();
        }
    }

    @Test
    void aSessionTheApiRefusesWholeIsDeadLetteredWithADeadLetteredResultPerFile() throws Exception {
        Topics topics = createdTopics("refused");
        Path one = rig.samplePdf("refused-1.pdf", 80);
        Path two = rig.samplePdf("refused-2.pdf", 81);
        rig.sandbox.control().failNext("createUploadSession", 1, ErrorCode.TOTAL_UPLOAD_SIZE_LIMIT_EXCEEDED);

        try (TopicRecorder recorder = recorder(topics);
             ConfigurableApplicationContext worker = rig.startWorker(topics, Map.of())) {
            register(topics, "rf-1", "refused-1.pdf", one, "refused");
            register(topics, "rf-2", "refused-2.pdf", two, "refused");

            await().atMost(WAIT).until(() -> recorder.on(topics.plannedDlt()).size() == 1
                    && recorder.on(topics.results()).size() == 2);
            List<ExtractionResult> results = decodedResults(recorder, topics);
            assertThat(results).extracting(ExtractionResult::getFileId).containsExactlyInAnyOrder("rf-1", "rf-2");
            assertThat(results).allSatisfy(result -> {
                assertThat(result.getStatus()).isEqualTo(ResultStatus.DEAD_LETTERED);
                assertThat(result.getError().getCode()).isEqualTo("TOTAL_UPLOAD_SIZE_LIMIT_EXCEEDED");
                assertThat(result.getError().getMessage()).contains(result.getFileId()).contains(result.getFileName());
            });
            assertThat(recorder.on(topics.partsUploaded())).isEmpty();
        }
    }

    @Test
    void filesOfAPlanTheApiRefusesByNameAreFailedAndTheOthersUploadInAReplannedSession() throws Exception {
        Topics topics = createdTopics("replan");
        Path one = rig.samplePdf("replan-1.pdf", 90);
        Path two = rig.samplePdf("replan-2.pdf", 91);
        Path three = rig.samplePdf("replan-3.pdf", 92);
        // a plan already in the topic from before the stage checked names as the API does
        PlannedSession plan = new PlannedSession(UploadSessionIds.of("std", "replan", List.of("rp-1", "rp-dot", "rp-3")), "std", "replan", 0,
                List.of(planned("rp-1", "replan-1.pdf", one), planned("rp-dot", ".pdf", two), planned("rp-3", "replan-3.pdf", three)));

        try (TopicRecorder recorder = recorder(topics);
             ConfigurableApplicationContext worker = rig.startWorker(topics, Map.of())) {
            rig.sendRaw(topics.planned(), plan.uploadSessionId(), new PlannedSessionCodec().write(plan));

            await().atMost(WAIT).until(() -> recorder.on(topics.partsUploaded()).size() == 1
                    && recorder.on(topics.results()).size() == 1 && recorder.on(topics.filesDlt()).size() == 1);
            PartsUploaded parts = rig.parts(recorder.on(topics.partsUploaded()).get(0));
            assertThat(parts.getFiles()).extracting(FileRef::getFileId).containsExactlyInAnyOrder("rp-1", "rp-3");
            assertThat(parts.getUploadSessionId()).isNotEqualTo(plan.uploadSessionId())
                    .isEqualTo(UploadSessionIds.replanned(plan.uploadSessionId(), List.of("rp-dot")));
            assertThat(parts.getFailedFiles()).singleElement().satisfies(f -> {
                assertThat(f.getFileId()).isEqualTo("rp-dot");
                assertThat(f.getError().getCode()).isEqualTo("INVALID_INPUT");
            });
            assertThat(decodedResults(recorder, topics)).singleElement().satisfies(result -> {
                assertThat(result.getFileId()).isEqualTo("rp-dot");
                assertThat(result.getStatus()).isEqualTo(ResultStatus.FAILED);
                assertThat(result.getError().getMessage()).contains("rp-dot").contains("supported extension");
            });
            assertThat(recorder.on(topics.plannedDlt())).isEmpty();
            assertThat(rig.sandbox.control().counters(UploadWorkerRig.API_KEY).sessionsCreated()).isEqualTo(1);
        }
    }

    @Test
    void aFileThatChangesAfterPlanningIsDeadLetteredWithItsOriginalRecordAndCoordinates() throws Exception {
        Topics topics = createdTopics("changed");
        Path pdf = rig.samplePdf("changed.pdf", 95);
        rig.sandbox.control().addLatency("createUploadSession", Duration.ofMillis(3_000));

        try (TopicRecorder recorder = recorder(topics);
             ConfigurableApplicationContext worker = rig.startWorker(topics, Map.of())) {
            register(topics, "ch-1", "changed.pdf", pdf, null);
            await().atMost(WAIT).until(() -> recorder.on(topics.planned()).size() == 1);
            Files.write(pdf, new byte[] {'\n'}, java.nio.file.StandardOpenOption.APPEND);

            await().atMost(WAIT).until(() -> recorder.on(topics.filesDlt()).size() == 1 && recorder.on(topics.results()).size() == 1);
            ConsumerRecord<String, byte[]> registration = recorder.on(topics.filesRegistered()).get(0);
            assertThat(recorder.on(topics.filesDlt())).singleElement().satisfies(dead -> {
                assertThat(dead.value()).isEqualTo(registration.value());
                assertThat(dead.key()).isEqualTo(registration.key());
                assertThat(UploadWorkerRig.header(dead, "kafka_dlt-original-topic")).contains(topics.filesRegistered());
                assertThat(dead.headers().lastHeader("kafka_dlt-original-offset").value())
                        .isEqualTo(java.nio.ByteBuffer.allocate(8).putLong(registration.offset()).array());
                assertThat(UploadWorkerRig.header(dead, PipelineHeaders.ERROR_CODE)).contains("SOURCE_CHANGED");
                assertThat(UploadWorkerRig.header(dead, PipelineHeaders.ERROR_MESSAGE)).hasValueSatisfying(
                        message -> assertThat(message).contains("ch-1").contains("changed.pdf"));
            });
        }
    }

    @Test
    void aFileRewrittenAtTheSameSizeBeforeItsBytesAreSentFailsSourceChangedAndIsNotCompleted() throws Exception {
        Topics topics = createdTopics("rewritten");
        Path pdf = rig.samplePdf("rewritten.pdf", 96);
        rig.sandbox.control().addLatency("getUploadPartUrls", Duration.ofMillis(3_000));

        try (TopicRecorder recorder = recorder(topics);
             ConfigurableApplicationContext worker = rig.startWorker(topics, Map.of())) {
            register(topics, "rw-1", "rewritten.pdf", pdf, null);
            await().atMost(WAIT).until(() -> rig.sandbox.control().counters(UploadWorkerRig.API_KEY)
                    .calls("createUploadSession") >= 1);
            byte[] bytes = Files.readAllBytes(pdf);
            bytes[bytes.length / 2] ^= 0x01; // same size, same name, one bit different
            Files.write(pdf, bytes);

            await().atMost(WAIT).until(() -> recorder.on(topics.partsUploaded()).size() == 1);
            PartsUploaded parts = rig.parts(recorder.on(topics.partsUploaded()).get(0));
            assertThat(parts.getFiles()).isEmpty();
            assertThat(parts.getFailedFiles()).singleElement().satisfies(f -> {
                assertThat(f.getError().getCode()).isEqualTo("SOURCE_CHANGED");
                assertThat(f.getError().getMessage()).contains("rw-1").contains("rewritten.pdf");
            });
            assertThat(recorder.on(topics.filesDlt())).hasSize(1);
            assertThat(rig.sandbox.control().counters(UploadWorkerRig.API_KEY).filesCompleted()).isZero();
        }
    }

    @Test
    void pdfsTheApiWouldFailWholeAreDeadLetteredWithItsCodesAndTheirBatchIsUploaded() throws Exception {
        Topics topics = createdTopics("whole");
        org.invoicepipeline.samples.SampleInvoiceGenerator samples = new org.invoicepipeline.samples.SampleInvoiceGenerator(8);
        Path locked = Files.write(rig.allowedRoot.resolve("whole-locked.pdf"), samples.toEncryptedPdf(samples.generate(1)));
        Path huge = Files.write(rig.allowedRoot.resolve("whole-huge.pdf"), blankPages(5_001));

        try (TopicRecorder recorder = recorder(topics);
             ConfigurableApplicationContext worker = rig.startWorker(topics, Map.of("pipeline.upload.validation.max-pdf-size", "5MB"))) {
            for (int i = 0; i < 11; i++) {
                Path good = rig.samplePdf("whole-" + i + ".pdf", 100 + i);
                register(topics, "w-" + i, good.getFileName().toString(), good, "whole");
            }
            register(topics, "w-locked", "whole-locked.pdf", locked, "whole");
            register(topics, "w-huge", "whole-huge.pdf", huge, "whole");

            await().atMost(WAIT).until(() -> recorder.on(topics.partsUploaded()).size() == 1
                    && recorder.on(topics.filesDlt()).size() == 2 && recorder.on(topics.results()).size() == 2);
            assertThat(rig.parts(recorder.on(topics.partsUploaded()).get(0)).getFiles()).hasSize(11);
            assertThat(decodedResults(recorder, topics))
                    .extracting(r -> r.getFileId() + " " + r.getStatus() + " " + r.getError().getCode())
                    .containsExactlyInAnyOrder("w-locked DEAD_LETTERED ENCRYPTED_FILE",
                            "w-huge DEAD_LETTERED FILE_PAGE_LIMIT_EXCEEDED");
            assertThat(rig.sandbox.control().counters(UploadWorkerRig.API_KEY).filesCompleted()).isEqualTo(11);
        }
    }

    /** The test's own topics, created on the broker. */
    private Topics createdTopics(String name) {
        Topics topics = Topics.named(name);
        rig.createTopics(topics);
        return topics;
    }

    /** Records every topic of the test from now on. */
    private TopicRecorder recorder(Topics topics) {
        return new TopicRecorder(rig.broker.getBrokersAsString(), topics.all(), UploadWorkerRig.PARTITIONS);
    }

    /** Registers {@code file} as {@code fileName} under {@code batchKey} (null: a batch of its own). */
    private void register(Topics topics, String fileId, String fileName, Path file, String batchKey) throws Exception {
        rig.register(topics.filesRegistered(), UploadWorkerRig.registration(fileId, fileName, file.toUri().toString(),
                batchKey));
    }

    private static byte[] blankPages(int count) throws java.io.IOException {
        try (org.apache.pdfbox.pdmodel.PDDocument document = new org.apache.pdfbox.pdmodel.PDDocument()) {
            for (int i = 0; i < count; i++) {
                document.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    private static PlannedFile planned(String fileId, String sessionName, Path path) throws java.io.IOException {
        return new PlannedFile(fileId, sessionName, sessionName, path.toUri().toString(), path.toRealPath().toString(),
                Files.size(path), null, 0L, Map.of());
    }

    private static List<ExtractionResult> decodedResults(TopicRecorder recorder, Topics topics) {
        EventDeserializer<ExtractionResult> results = new EventDeserializer<>(ExtractionResult.class);
        results.configure(Map.of(), false);
        return recorder.on(topics.results()).stream().map(r -> results.deserialize(r.topic(), r.value())).toList();
    }

    /** File ids named by a plan, a result or a dead letter of {@code topics}. */
    private static java.util.Set<String> accountedFor(TopicRecorder recorder, Topics topics) {
        PlannedSessionCodec codec = new PlannedSessionCodec();
        EventDeserializer<ExtractionResult> results = new EventDeserializer<>(ExtractionResult.class);
        results.configure(Map.of(), false);
        EventDeserializer<FileRegistered> registrations = new EventDeserializer<>(FileRegistered.class);
        registrations.configure(Map.of(), false);
        java.util.Set<String> ids = new java.util.HashSet<>();
        recorder.on(topics.planned()).forEach(r -> codec.read(r.value()).files().forEach(f -> ids.add(f.fileId())));
        recorder.on(topics.results()).forEach(r -> ids.add(results.deserialize(r.topic(), r.value()).getFileId()));
        recorder.on(topics.filesDlt()).forEach(r -> ids.add(registrations.deserialize(r.topic(), r.value()).getFileId()));
        return ids;
    }

    private static String topicConfig(String topic, String name) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, rig.broker.getBrokersAsString()))) {
            return admin.describeConfigs(List.of(resource)).all().get().get(resource).get(name).value();
        }
    }

    private static double duplicates(MeterRegistry meters) {
        return meters.get("pipeline.upload.files.duplicate").counter().count();
    }

    /** Whether the planner's group has committed every record of the input topic. */
    private static boolean plannerCaughtUp(Topics topics) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, rig.broker.getBrokersAsString()))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin
                    .listConsumerGroupOffsets(topics.filesRegistered() + "-planner").partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = IntStream.range(0, UploadWorkerRig.PARTITIONS)
                    .mapToObj(p -> new TopicPartition(topics.filesRegistered(), p))
                    .collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get().entrySet().stream()
                    .filter(end -> end.getValue().offset() > 0)
                    .allMatch(end -> committed.get(end.getKey()) != null
                            && committed.get(end.getKey()).offset() == end.getValue().offset());
        }
    }
}
