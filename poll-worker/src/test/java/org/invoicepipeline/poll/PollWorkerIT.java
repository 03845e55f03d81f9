package org.invoicepipeline.poll;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.invoicepipeline.client.ClientOptions;
import org.invoicepipeline.client.InvoiceExtractionClient;
import org.invoicepipeline.client.model.Answer;
import org.invoicepipeline.client.model.ExtractionStatus;
import org.invoicepipeline.client.model.UploadFileSpec;
import org.invoicepipeline.client.model.UploadSession;
import org.invoicepipeline.client.ratelimit.RateLimits;
import org.invoicepipeline.client.upload.UploadSource;
import org.invoicepipeline.common.kafka.PipelineHeaders;
import org.invoicepipeline.common.profile.ExtractionProfiles;
import org.invoicepipeline.common.profile.SubmissionRequests;
import org.invoicepipeline.common.serde.EventDeserializer;
import org.invoicepipeline.common.serde.EventSerializer;
import org.invoicepipeline.common.testing.KafkaTestClients;
import org.invoicepipeline.events.ExtractionCompleted;
import org.invoicepipeline.events.AnswerChoice;
import org.invoicepipeline.events.ExtractionOutcome;
import org.invoicepipeline.events.ExtractionQuestionsAsked;
import org.invoicepipeline.events.OpenQuestion;
import org.invoicepipeline.events.QuestionType;
import org.invoicepipeline.events.ExtractionSubmitted;
import org.invoicepipeline.events.FileRef;
import org.invoicepipeline.events.PageRef;
import org.invoicepipeline.samples.SampleInvoice;
import org.invoicepipeline.samples.SampleInvoiceGenerator;
import org.invoicepipeline.sandbox.ApiSandbox;
import org.invoicepipeline.sandbox.engine.ExtractionFailureCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The poll stage against a real KRaft broker and the in-process API sandbox (rate limits scaled 60x).
 */
class PollWorkerIT {

    /** How long "nothing more happened" is watched for after an awaited event. */
    private static final Duration QUIET_PERIOD = Duration.ofSeconds(2);

    private static final String KEY = "poll-it-key";
    private static final double SCALE = 60.0;
    private static final String INPUT = "extraction-submitted";
    private static final String COMPLETED = "extraction-completed";
    private static final String QUESTIONS = "extraction-questions";

    private static EmbeddedKafkaKraftBroker broker;
    private static ApiSandbox sandbox;
    private static InvoiceExtractionClient client;
    private static ExtractionProfiles profiles;
    private static final SampleInvoiceGenerator generator = new SampleInvoiceGenerator();

    private final List<ConfigurableApplicationContext> workers = new ArrayList<>();

    @BeforeAll
    static void startInfrastructure() {
        broker = new EmbeddedKafkaKraftBroker(1, 2, INPUT, COMPLETED, QUESTIONS, INPUT + ".DLT");
        broker.afterPropertiesSet();
        sandbox = ApiSandbox.builder().apiKey(KEY).credits(10_000).rateLimitScale(SCALE)
                .pageProcessingTime(Duration.ofMillis(20)).port(0).start();
        client = InvoiceExtractionClient.create(ClientOptions.builder().baseUrl(sandbox.baseUrl()).apiKey(KEY)
                .rateLimits(RateLimits.documented().withScale(SCALE)).build());
        profiles = new Binder(new MapConfigurationPropertySource(profileProperties()))
                .bind("pipeline", ExtractionProfiles.class).get();
    }

    @AfterAll
    static void stopInfrastructure() {
        client.close();
        sandbox.close();
        broker.destroy();
    }

    @AfterEach
    void stopWorkers() {
        workers.forEach(ConfigurableApplicationContext::close);
        workers.clear();
        sandbox.control().resetFaults();
    }

    @Test
    void retryableFailureIsResubmittedUnderTheNextSubmissionIdAndCompletes() {
        startWorker(3);
        sandbox.control().failNextExtractions(ExtractionFailureCode.CONCURRENT_TASK_LIMIT, 1);
        ExtractionSubmitted first = submit("default", 1, 2);

        publish(first);

        ExtractionCompleted completed = awaitCompleted(first.getUploadSessionId());
        assertThat(completed.getStatus()).isEqualTo(ExtractionOutcome.COMPLETED);
        assertThat(completed.getAttempt()).isEqualTo(2);
        assertThat(completed.getSubmissionId()).isNotEqualTo(first.getSubmissionId());
        assertThat(completed.getExtractionId()).isNotEqualTo(first.getExtractionId());
        assertThat(completed.getFiles()).isEqualTo(first.getFiles());
        assertThat(completed.getPages().getSuccessfulCount()).isEqualTo(2);
        Map<String, Long> bySubmission = sandbox.control().counters(KEY).extractionsBySubmissionId();
        assertThat(bySubmission).containsEntry(first.getSubmissionId(), 1L)
                .containsEntry(completed.getSubmissionId(), 1L);
    }

    @Test
    void exhaustedAttemptsEndInADeadLetterAndAFailedCompletion() {
        startWorker(2);
        sandbox.control().failNextExtractions(ExtractionFailureCode.INTERNAL_ERROR, 2);
        ExtractionSubmitted first = submit("default", 10, 1);

        publish(first);

        ExtractionCompleted completed = awaitCompleted(first.getUploadSessionId());
        assertThat(completed.getStatus()).isEqualTo(ExtractionOutcome.FAILED);
        assertThat(completed.getError().getCode()).isEqualTo("INTERNAL_ERROR");
        assertThat(completed.getAttempt()).isEqualTo(2);
        ConsumerRecord<byte[], byte[]> deadLetter = awaitDeadLetter(first.getUploadSessionId());
        assertThat(PipelineHeaders.lastValue(deadLetter.headers(), PipelineHeaders.ERROR_CODE))
                .contains("SUBMISSION_ATTEMPTS_EXHAUSTED");
        assertThat(PipelineHeaders.lastValue(deadLetter.headers(), PipelineHeaders.STAGE)).contains("poll");
    }

    @Test
    void poisonRecordGoesToTheDeadLetterTopicAndTheStageGoesOn() {
        startWorker(3);
        String poisonKey = "poison-" + UUID.randomUUID();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProps(), new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(INPUT, poisonKey, "not an event".getBytes(StandardCharsets.UTF_8)));
        }
        ExtractionSubmitted after = submit("default", 20, 1);
        publish(after);

        ConsumerRecord<byte[], byte[]> deadLetter = awaitDeadLetter(poisonKey);
        assertThat(new String(deadLetter.value(), StandardCharsets.UTF_8)).isEqualTo("not an event");
        assertThat(PipelineHeaders.lastValue(deadLetter.headers(), PipelineHeaders.STAGE)).contains("poll");
        assertThat(awaitCompleted(after.getUploadSessionId()).getStatus()).isEqualTo(ExtractionOutcome.COMPLETED);
    }

    @Test
    void aPoisonRecordLastOnItsPartitionIsDeadLetteredOnceAcrossARestart() {
        ConfigurableApplicationContext worker = startWorker(3);
        String poisonKey = "poison-last-" + UUID.randomUUID();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProps(), new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(INPUT, 0, poisonKey, "not an event".getBytes(StandardCharsets.UTF_8)));
        }
        awaitDeadLetter(poisonKey);

        worker.close();
        workers.remove(worker);
        startWorker(3);
        // Behind the poison record on its partition: once it completes, the restarted worker has read past it.
        ExtractionSubmitted after = submit("default", 50, 1);
        try (KafkaProducer<String, ExtractionSubmitted> producer = new KafkaProducer<>(producerProps(),
                new StringSerializer(), new EventSerializer<>())) {
            producer.send(new ProducerRecord<>(INPUT, 0, after.getUploadSessionId(), after));
        }
        assertThat(awaitCompleted(after.getUploadSessionId()).getStatus()).isEqualTo(ExtractionOutcome.COMPLETED);

        assertThat(deadLettersWithKey(poisonKey)).isEqualTo(1);
    }

    @Test
    void anExtractionWaitingForAnswersSurvivesARestartAndCompletesOnceAnswered() {
        ConfigurableApplicationContext worker = startWorker(3);
        ExtractionSubmitted submitted = submit("ask", 30, 1);
        publish(submitted);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                client.getExtraction(submitted.getExtractionId()) instanceof ExtractionStatus.InputRequired);
        ExtractionQuestionsAsked questions = awaitQuestions(submitted.getExtractionId());
        assertThat(questions.getSubmissionId()).isEqualTo(submitted.getSubmissionId());
        assertThat(questions.getUploadSessionId()).isEqualTo(submitted.getUploadSessionId());
        assertThat(questions.getProfile()).isEqualTo("ask");
        assertThat(questions.getAttempt()).isEqualTo(1);
        assertThat(questions.getFiles()).isEqualTo(submitted.getFiles());
        assertThat(questions.getAutoAcceptRecommended()).isFalse();
        assertThat(questions.getAnswerBy()).isAfter(questions.getAskedAt());
        assertThat(questions.getProgress()).isBetween(0, 100);
        OpenQuestion total = questions.getQuestions().get(0);
        assertThat(total.getType()).isEqualTo(QuestionType.SINGLE_CHOICE);
        assertThat(total.getQuestion()).isNotBlank();
        assertThat(total.getExampleFromDocuments()).contains(submitted.getFiles().get(0).getFileName());
        assertThat(total.getScope().getLevel()).isEqualTo("extraction");
        assertThat(total.getChoices()).filteredOn(AnswerChoice::getRecommended).extracting(AnswerChoice::getChoiceId)
                .containsExactly("a");
        assertThat(total.getChoices()).allSatisfy(choice -> assertThat(choice.getCellWouldContain()).isNotBlank());

        worker.close();
        workers.remove(worker);
        startWorker(3);
        // Answered the way a tool reading the topic would: from the event alone.
        client.answerQuestions(questions.getExtractionId(), questions.getQuestions().stream()
                .map(q -> Answer.acceptRecommended(q.getQuestionId())).toList());

        ExtractionCompleted completed = awaitCompleted(submitted.getUploadSessionId());
        assertThat(completed.getStatus()).isEqualTo(ExtractionOutcome.COMPLETED);
        assertThat(completed.getExtractionId()).isEqualTo(submitted.getExtractionId());
        assertThat(sandbox.control().counters(KEY).extractionsBySubmissionId())
                .containsEntry(submitted.getSubmissionId(), 1L);
    }

    @Test
    void questionsAreAnsweredWithTheRecommendationsWhenTheProfileSaysSo() {
        startWorker(3);
        ExtractionSubmitted submitted = submit("auto", 40, 1);
        publish(submitted);

        assertThat(awaitCompleted(submitted.getUploadSessionId()).getStatus()).isEqualTo(ExtractionOutcome.COMPLETED);
        ExtractionQuestionsAsked questions = awaitQuestions(submitted.getExtractionId());
        assertThat(questions.getAutoAcceptRecommended()).isTrue();
        assertThat(questions.getQuestions()).extracting(OpenQuestion::getQuestionId).containsExactly("q_1");
    }

    @Test
    void anEncryptedFileFailsAloneWhileTheOtherFilesAreResubmittedAtOnceAndChargedOnce() {
        startWorker(3);
        ExtractionSubmitted first = submit("default", 60, 4, 2);
        long pagesBefore = sandbox.control().counters(KEY).pagesCharged();

        publish(first);

        List<ExtractionCompleted> completions = awaitCompletions(first.getUploadSessionId(), 2);
        ExtractionCompleted failed = completions.stream().filter(c -> c.getStatus() == ExtractionOutcome.FAILED)
                .findFirst().orElseThrow();
        ExtractionCompleted extracted = completions.stream().filter(c -> c.getStatus() == ExtractionOutcome.COMPLETED)
                .findFirst().orElseThrow();
        FileRef encrypted = first.getFiles().get(2);
        assertThat(failed.getFiles()).containsExactly(encrypted);
        assertThat(failed.getError().getCode()).isEqualTo("ENCRYPTED_FILE");
        assertThat(failed.getSubmissionId()).isEqualTo(first.getSubmissionId());
        List<FileRef> good = first.getFiles().stream().filter(f -> !f.equals(encrypted)).toList();
        assertThat(extracted.getFiles()).containsExactlyElementsOf(good);
        assertThat(extracted.getSubmissionId()).isNotEqualTo(first.getSubmissionId());
        assertThat(extracted.getAttempt()).isEqualTo(2);
        assertThat(extracted.getPages().getSuccessful()).extracting(PageRef::getFileName)
                .doesNotContain(encrypted.getFileName());
        // every page of the good files charged once, nothing for the failed extraction
        Map<String, Long> bySubmission = sandbox.control().counters(KEY).extractionsBySubmissionId();
        assertThat(bySubmission).containsEntry(first.getSubmissionId(), 1L)
                .containsEntry(extracted.getSubmissionId(), 1L);
        long pagesCharged = sandbox.control().counters(KEY).pagesCharged() - pagesBefore;
        assertThat(pagesCharged).isEqualTo(extracted.getPages().getSuccessfulCount())
                .isEqualTo(extracted.getCreditsDeducted()).isEqualTo(3);
        // and nothing more afterwards
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> true);
        assertThat(completionsOf(first.getUploadSessionId())).hasSize(2);
    }

    @Test
    void anExtractionFailedForLackOfCreditsIsHeldAndResubmittedOnceCreditsAllowNeverFailingItsFiles() {
        startWorker(1, Map.of("pipeline.poll.insufficient-credits-wait", "300ms"));
        sandbox.control().failNextExtractions(ExtractionFailureCode.INSUFFICIENT_CREDITS, 1);
        ExtractionSubmitted first = submit("default", 90, 2);
        sandbox.control().setCredits(KEY, 0);
        try {
            long balanceCalls = sandbox.control().counters(KEY).calls("getCreditsBalance");
            publish(first);

            await().atMost(Duration.ofSeconds(30)).until(() ->
                    sandbox.control().counters(KEY).calls("getCreditsBalance") >= balanceCalls + 3);
            assertThat(completionsOf(first.getUploadSessionId())).isEmpty();
            assertThat(sandbox.control().counters(KEY).extractionsBySubmissionId()).hasEntrySatisfying(
                    first.getSubmissionId(), n -> assertThat(n).isEqualTo(1L));

            sandbox.control().setCredits(KEY, 10_000);
            ExtractionCompleted completed = awaitCompleted(first.getUploadSessionId());
            // even with max-submission-attempts 1: a credits hold is no failed attempt
            assertThat(completed.getStatus()).isEqualTo(ExtractionOutcome.COMPLETED);
            assertThat(completed.getAttempt()).isEqualTo(2);
            assertThat(completed.getFiles()).isEqualTo(first.getFiles());
            assertThat(completionsOf(first.getUploadSessionId())).hasSize(1);
        }
        finally {
            sandbox.control().setCredits(KEY, 10_000);
        }
    }

    @Test
    void aRestartDoesNotRepublishCompletionsFinishedBehindAnExtractionWaitingForAnswers() {
        ConfigurableApplicationContext worker = startWorker(3);
        ExtractionSubmitted held = submit("ask", 70, 1);
        publish(held, 0);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                client.getExtraction(held.getExtractionId()) instanceof ExtractionStatus.InputRequired);
        List<ExtractionSubmitted> later = List.of(submit("default", 71, 1), submit("default", 72, 1),
                submit("default", 73, 1));
        later.forEach(event -> publish(event, 0));
        later.forEach(event -> assertThat(awaitCompleted(event.getUploadSessionId()).getStatus())
                .isEqualTo(ExtractionOutcome.COMPLETED));

        worker.close();
        workers.remove(worker);
        startWorker(3);
        // quiet period: the restarted worker must not wait for (and republish) the finished ones again
        await().pollDelay(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(15)).until(() -> true);
        for (ExtractionSubmitted event : later) {
            assertThat(completionsOf(event.getUploadSessionId())).as("completions of %s", event.getUploadSessionId())
                    .hasSize(1);
        }
        // while the held one is still waited for, and completes once answered
        ExtractionQuestionsAsked questions = awaitQuestions(held.getExtractionId());
        client.answerQuestions(held.getExtractionId(), questions.getQuestions().stream()
                .map(q -> Answer.acceptRecommended(q.getQuestionId())).toList());
        assertThat(awaitCompleted(held.getUploadSessionId()).getStatus()).isEqualTo(ExtractionOutcome.COMPLETED);
        assertThat(completionsOf(held.getUploadSessionId())).hasSize(1);
    }

    @Test
    void anExtractionStillWaitingAtItsDeadlineIsCancelledAndItsFilesFailWithOurCode() {
        startWorker(3, Map.of("pipeline.poll.max-extraction-age", "4s"));
        ExtractionSubmitted submitted = submit("ask", 80, 2);

        publish(submitted);

        ExtractionCompleted completed = awaitCompleted(submitted.getUploadSessionId());
        assertThat(completed.getStatus()).isEqualTo(ExtractionOutcome.FAILED);
        assertThat(completed.getError().getCode()).isEqualTo("EXTRACTION_DEADLINE_EXCEEDED");
        assertThat(completed.getError().getMessage()).contains(submitted.getExtractionId());
        assertThat(completed.getFiles()).isEqualTo(submitted.getFiles());
        assertThat(client.getExtraction(submitted.getExtractionId())).isInstanceOf(ExtractionStatus.Cancelled.class);
        assertThat(sandbox.control().counters(KEY).calls("cancelExtraction")).isPositive();
    }

    // ---- fixture ----------------------------------------------------------------------------------------------

    private static Map<String, Object> profileProperties() {
        Map<String, Object> props = new HashMap<>();
        for (String name : List.of("default", "ask", "auto")) {
            props.put("pipeline.profiles." + name + ".prompt",
                    "Extract invoice number, invoice date, vendor name and total amount");
            props.put("pipeline.profiles." + name + ".output-structure", "per_invoice");
        }
        props.put("pipeline.profiles.ask.ask-questions", "true");
        props.put("pipeline.profiles.auto.ask-questions", "true");
        props.put("pipeline.profiles.auto.accept-recommended-answers", "true");
        return props;
    }

    private ConfigurableApplicationContext startWorker(int maxAttempts) {
        return startWorker(maxAttempts, Map.of());
    }

    private ConfigurableApplicationContext startWorker(int maxAttempts, Map<String, Object> overrides) {
        Map<String, Object> props = new HashMap<>(profileProperties());
        props.put("spring.kafka.bootstrap-servers", broker.getBrokersAsString());
        props.put("spring.kafka.consumer.properties.max.poll.interval.ms", "30000");
        props.put("pipeline.api.base-url", sandbox.baseUrl());
        props.put("pipeline.api.api-key", KEY);
        props.put("pipeline.api.rate-limit-scale", String.valueOf(SCALE));
        props.put("pipeline.poll.long-poll-wait", "2s");
        props.put("pipeline.poll.resubmit-delay", "100ms");
        props.put("pipeline.poll.input-required-recheck", "300ms");
        props.put("pipeline.poll.error-backoff", "100ms");
        props.put("pipeline.poll.max-submission-attempts", String.valueOf(maxAttempts));
        props.put("pipeline.poll.commit-interval", "200ms");
        props.put("management.metrics.enable.all", "true");
        props.putAll(overrides);
        // As command-line arguments: they win over the worker's application.yml (builder properties would not).
        String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(PollWorkerApplication.class)
                .web(WebApplicationType.NONE).run(args);
        workers.add(context);
        return context;
    }

    /** Uploads {@code count} generated invoices (the "ask"/"auto" profiles get one with two totals) and submits attempt 1. */
    private static ExtractionSubmitted submit(String profile, int firstIndex, int count) {
        return submit(profile, firstIndex, count, -1);
    }

    /** As above; the file at {@code encryptedIndex} (if any) is a password-protected PDF. */
    private static ExtractionSubmitted submit(String profile, int firstIndex, int count, int encryptedIndex) {
        String session = "us-poll-" + UUID.randomUUID();
        List<SampleInvoice> invoices = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            invoices.add(profile.equals("default") ? generator.generate(firstIndex + i) : generator.ambiguousTotal(firstIndex + i));
        }
        List<byte[]> pdfs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            pdfs.add(i == encryptedIndex ? generator.toEncryptedPdf(invoices.get(i)) : generator.toPdf(invoices.get(i)));
        }
        List<UploadFileSpec> specs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            specs.add(new UploadFileSpec("file-" + i, invoices.get(i).fileName(), pdfs.get(i).length));
        }
        UploadSession uploadSession = client.createUploadSession(session, specs);
        List<FileRef> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            client.uploadFile(uploadSession, "file-" + i, UploadSource.ofBytes(invoices.get(i).fileName(), pdfs.get(i)));
            files.add(FileRef.newBuilder().setFileId("reg-" + session + "-" + i).setApiFileId("file-" + i)
                    .setFileName(invoices.get(i).fileName()).setOriginalFileName(invoices.get(i).fileName())
                    .setSourceUri("file:/samples/" + invoices.get(i).fileName()).setSizeBytes(pdfs.get(i).length)
                    .setRegisteredAt(Instant.now()).build());
        }
        var request = SubmissionRequests.build(profile, profiles.require(profile), session,
                files.stream().map(FileRef::getApiFileId).toList(), 1);
        String extractionId = client.submitExtraction(request).extractionId();
        return ExtractionSubmitted.newBuilder().setSubmissionId(request.submissionId()).setExtractionId(extractionId)
                .setUploadSessionId(session).setProfile(profile).setFiles(files).setAttempt(1)
                .setSubmittedAt(Instant.now()).build();
    }

    private static void publish(ExtractionSubmitted event) {
        publish(event, null);
    }

    private static void publish(ExtractionSubmitted event, Integer partition) {
        try (KafkaProducer<String, ExtractionSubmitted> producer = new KafkaProducer<>(producerProps(),
                new StringSerializer(), new EventSerializer<>())) {
            producer.send(new ProducerRecord<>(INPUT, partition, event.getUploadSessionId(), event));
        }
    }

    /** At least {@code count} completions of the session (waiting up to a minute). */
    private static List<ExtractionCompleted> awaitCompletions(String uploadSessionId, int count) {
        List<ExtractionCompleted> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            found.clear();
            found.addAll(completionsOf(uploadSessionId));
            return found.size() >= count;
        });
        return List.copyOf(found);
    }

    /** Every completion of the session on the completed topic so far, read from the beginning. */
    private static List<ExtractionCompleted> completionsOf(String uploadSessionId) {
        List<ExtractionCompleted> found = new ArrayList<>();
        try (KafkaConsumer<String, ExtractionCompleted> consumer = new KafkaConsumer<>(consumerProps(),
                new org.apache.kafka.common.serialization.StringDeserializer(),
                new EventDeserializer<>(ExtractionCompleted.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor(COMPLETED).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, ExtractionCompleted> r : consumer.poll(Duration.ofMillis(200))) {
                    if (uploadSessionId.equals(r.value().getUploadSessionId())) {
                        found.add(r.value());
                    }
                }
            }
        }
        return found;
    }

    /**
     * The one completion of the session: waits for it, then a quiet period in which no second one may appear (a
     * duplicate completion would give the session's files two terminal results).
     */
    private static ExtractionCompleted awaitCompleted(String uploadSessionId) {
        List<ExtractionCompleted> found = new CopyOnWriteArrayList<>();
        try (KafkaConsumer<String, ExtractionCompleted> consumer = new KafkaConsumer<>(consumerProps(),
                new org.apache.kafka.common.serialization.StringDeserializer(),
                new EventDeserializer<>(ExtractionCompleted.class))) {
            consumer.subscribe(List.of(COMPLETED));
            Runnable pollOnce = () -> consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                if (uploadSessionId.equals(r.value().getUploadSessionId())) {
                    found.add(r.value());
                }
            });
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                pollOnce.run();
                return !found.isEmpty();
            });
            long quietUntil = System.nanoTime() + QUIET_PERIOD.toNanos();
            while (System.nanoTime() < quietUntil) {
                pollOnce.run();
            }
        }
        assertThat(found).as("completions of session %s", uploadSessionId).hasSize(1);
        return found.get(0);
    }

    private static ConsumerRecord<byte[], byte[]> awaitDeadLetter(String key) {
        List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProps(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(INPUT + ".DLT"));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.key() != null && key.equals(new String(r.key(), StandardCharsets.UTF_8))) {
                        found.add(r);
                    }
                });
                return !found.isEmpty();
            });
        }
        return found.get(0);
    }

    /** Dead letters with the key, counted over the whole dead-letter topic. */
    private static long deadLettersWithKey(String key) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProps(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(INPUT + ".DLT").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long count = 0;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.key() != null && key.equals(new String(r.key(), StandardCharsets.UTF_8))) {
                        count++;
                    }
                }
            }
            return count;
        }
    }

    /** The first question set published for the extraction (keyed by its id), decoded with the shared serde. */
    private static ExtractionQuestionsAsked awaitQuestions(String extractionId) {
        List<ExtractionQuestionsAsked> found = new ArrayList<>();
        try (KafkaConsumer<String, ExtractionQuestionsAsked> consumer = new KafkaConsumer<>(consumerProps(),
                new org.apache.kafka.common.serialization.StringDeserializer(),
                new EventDeserializer<>(ExtractionQuestionsAsked.class))) {
            consumer.subscribe(List.of(QUESTIONS));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (extractionId.equals(r.key())) {
                        assertThat(r.value().getExtractionId()).isEqualTo(extractionId);
                        found.add(r.value());
                    }
                });
                return !found.isEmpty();
            });
        }
        return found.get(0);
    }

    private static Properties producerProps() {
        return KafkaTestClients.producerProperties(broker.getBrokersAsString());
    }

    private static Properties consumerProps() {
        return KafkaTestClients.consumerProperties(broker.getBrokersAsString(), "poll-it");
    }
}
