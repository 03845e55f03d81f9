package org.invoicepipeline.poll.config;

import io.micrometer.core.instrument.MeterRegistry;
import org.invoicepipeline.client.InvoiceExtractionClient;
import org.invoicepipeline.common.config.ApiClientConfiguration;
import org.invoicepipeline.common.profile.ExtractionProfiles;
import org.invoicepipeline.common.profile.SubmissionRequests;
import org.invoicepipeline.poll.failure.CreditsCheck;
import org.invoicepipeline.poll.failure.ExtractionDeadline;
import org.invoicepipeline.poll.inflight.FinishedOffsetsCodec;
import org.invoicepipeline.poll.inflight.InFlightOffsets;
import org.invoicepipeline.poll.inflight.OffsetCommitter;
import org.invoicepipeline.poll.listener.ExtractionSubmittedListener;
import org.invoicepipeline.poll.listener.IntakeThrottle;
import org.invoicepipeline.poll.outcome.CompletedEvents;
import org.invoicepipeline.poll.outcome.OutcomePublisher;
import org.invoicepipeline.poll.outcome.Resubmitter;
import org.invoicepipeline.poll.outcome.SubmissionRequestFactory;
import org.invoicepipeline.poll.questions.AnswerPolicy;
import org.invoicepipeline.poll.questions.QuestionEvents;
import org.invoicepipeline.poll.wait.ExtractionOutcomes;
import org.invoicepipeline.poll.wait.ExtractionWaiter;
import org.invoicepipeline.poll.wait.PollPolicy;
import org.invoicepipeline.poll.wait.PollMetrics;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.context.ApplicationListener;
import org.springframework.kafka.event.ListenerContainerIdleEvent;

import java.time.Clock;

/** The poll stage's components: consume, wait through the shared client, publish. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({PollWorkerProperties.class, ExtractionProfiles.class})
@Import({ApiClientConfiguration.class, PollKafkaConfiguration.class})
public class PollWorkerConfiguration {

    @Bean
    public InFlightOffsets inFlightOffsets() {
        return new InFlightOffsets();
    }

    /** Commits on the consumer thread, with the finished offsets above the committed one in the metadata. */
    @Bean
    public OffsetCommitter offsetCommitter(InFlightOffsets inFlightOffsets, PollWorkerProperties properties) {
        return new OffsetCommitter(inFlightOffsets, new FinishedOffsetsCodec(properties.getOffsetMetadataMaxBytes()),
                properties.getCommitInterval(), properties.getPublishTimeout(), System::nanoTime);
    }

    @Bean
    public OutcomePublisher outcomePublisher(KafkaTemplate<Object, Object> stageEventTemplate, PollWorkerProperties properties) {
        PollWorkerProperties.Topics topics = properties.getTopics();
        return new OutcomePublisher(stageEventTemplate, topics.getExtractionSubmitted(),
                topics.getExtractionCompleted(), topics.getExtractionQuestions(), properties.getPublishTimeout());
    }

    @Bean
    public SubmissionRequestFactory submissionRequestFactory(ExtractionProfiles profiles) {
        return (profile, session, fileIds, attempt) ->
                SubmissionRequests.build(profile, profiles.require(profile), session, fileIds, attempt);
    }

    @Bean
    public AnswerPolicy answerPolicy(ExtractionProfiles profiles) {
        return profile -> profiles.find(profile).map(ExtractionProfiles.Profile::isAcceptRecommendedAnswers).orElse(false);
    }

    @Bean
    public PollMetrics pollMetrics(MeterRegistry meters, InFlightOffsets inFlightOffsets) {
        return new PollMetrics(meters, inFlightOffsets::size);
    }

    @Bean
    public IntakeThrottle intakeThrottle(KafkaListenerEndpointRegistry registry, PollWorkerProperties properties,
                                         InFlightOffsets inFlightOffsets) {
        return new IntakeThrottle(registry, ExtractionSubmittedListener.LISTENER_ID, properties.getMaxInFlight(),
                inFlightOffsets::size);
    }

    @Bean(destroyMethod = "close")
    public ExtractionWaiter extractionWaiter(InvoiceExtractionClient client, InFlightOffsets inFlightOffsets,
                                             OutcomePublisher outcomePublisher, SubmissionRequestFactory requests,
                                             AnswerPolicy answerPolicy, PollMetrics pollMetrics,
                                             IntakeThrottle intakeThrottle, PollWorkerProperties properties) {
        Clock clock = Clock.systemUTC();
        ExtractionDeadline deadline = new ExtractionDeadline(properties.getMaxExtractionAge());
        PollPolicy policy = new PollPolicy(new PollPolicy.Settings(properties.getMaxSubmissionAttempts(),
                properties.getResubmitDelay(), properties.getResubmittableCodes(), properties.getInputRequiredRecheck(),
                properties.getInsufficientCreditsWait(), properties.getErrorBackoff(), properties.getMaxErrorBackoff()),
                deadline);
        ExtractionOutcomes outcomes = new ExtractionOutcomes(client, outcomePublisher,
                new Resubmitter(client, requests, clock), new CompletedEvents(clock, properties.isCarryOutputUrls()), new QuestionEvents(clock),
                answerPolicy, deadline, pollMetrics, clock);
        return new ExtractionWaiter(client, properties.getLongPollWait(), properties.getWaiterThreads(),
                inFlightOffsets, policy, outcomes, new CreditsCheck(client), pollMetrics, intakeThrottle::afterRelease,
                clock);
    }

    @Bean
    public ExtractionSubmittedListener extractionSubmittedListener(ExtractionWaiter waiter, IntakeThrottle throttle,
                                                                   OffsetCommitter offsetCommitter,
                                                                   PollWorkerProperties properties) {
        return new ExtractionSubmittedListener(properties.getTopics().getExtractionSubmitted(), properties.getGroupId(),
                waiter, throttle, offsetCommitter);
    }

    /** Commits while no records arrive (or intake is paused): the idle event comes on the consumer thread. */
    @Bean
    public ApplicationListener<ListenerContainerIdleEvent> idleCommits(OffsetCommitter offsetCommitter) {
        return event -> {
            if (event.getListenerId().startsWith(ExtractionSubmittedListener.LISTENER_ID) && event.getConsumer() != null) {
                offsetCommitter.commitIfDue(event.getConsumer());
            }
        };
    }
}
