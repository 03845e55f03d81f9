package org.invoicepipeline.poll.config;

import io.micrometer.core.instrument.MeterRegistry;
import org.invoicepipeline.client.InvoiceExtractionClient;
import org.invoicepipeline.common.config.ApiClientConfiguration;
import org.invoicepipeline.common.profile.ExtractionProfiles;
import org.invoicepipeline.common.profile.SubmissionRequests;
import org.invoicepipeline.poll.inflight.InFlightOffsets;
import org.invoicepipeline.poll.listener.ExtractionSubmittedListener;
import org.invoicepipeline.poll.listener.IntakeThrottle;
import org.invoicepipeline.poll.outcome.CompletedEvents;
import org.invoicepipeline.poll.outcome.OutcomePublisher;
import org.invoicepipeline.poll.outcome.Resubmitter;
import org.invoicepipeline.poll.outcome.SubmissionRequestFactory;
import org.invoicepipeline.poll.questions.AnswerPolicy;
import org.invoicepipeline.poll.questions.QuestionEvents;
import org.invoicepipeline.poll.wait.ExtractionWaiter;
import org.invoicepipeline.poll.wait.PollMetrics;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.Acknowledgment;

import java.time.Clock;

/** The poll stage's components: consume, wait through the shared client, publish. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({PollWorkerProperties.class, ExtractionProfiles.class})
@Import({ApiClientConfiguration.class, PollKafkaConfiguration.class})
public class PollWorkerConfiguration {

    @Bean
    public InFlightOffsets<Acknowledgment> inFlightOffsets() {
        return new InFlightOffsets<>();
    }

    @Bean
    public OutcomePublisher outcomePublisher(KafkaTemplate<Object, Object> stageEventTemplate, PollWorkerProperties properties) {
        return new OutcomePublisher(stageEventTemplate, properties);
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
    public PollMetrics pollMetrics(MeterRegistry meters, InFlightOffsets<Acknowledgment> inFlightOffsets) {
        return new PollMetrics(meters, inFlightOffsets::size);
    }

    @Bean
    public IntakeThrottle intakeThrottle(KafkaListenerEndpointRegistry registry, PollWorkerProperties properties,
                                         InFlightOffsets<Acknowledgment> inFlightOffsets) {
        return new IntakeThrottle(registry, ExtractionSubmittedListener.LISTENER_ID, properties.getMaxInFlight(),
                inFlightOffsets::size);
    }

    @Bean(destroyMethod = "close")
    public ExtractionWaiter extractionWaiter(InvoiceExtractionClient client, InFlightOffsets<Acknowledgment> inFlightOffsets,
                                             OutcomePublisher outcomePublisher, SubmissionRequestFactory requests,
                                             AnswerPolicy answerPolicy, PollMetrics pollMetrics,
                                             IntakeThrottle intakeThrottle, PollWorkerProperties properties) {
        Clock clock = Clock.systemUTC();
        return new ExtractionWaiter(client, inFlightOffsets, outcomePublisher, new Resubmitter(client, requests, clock),
                new CompletedEvents(clock), new QuestionEvents(clock), answerPolicy, pollMetrics,
                intakeThrottle::afterRelease, properties);
    }

    @Bean
    public ExtractionSubmittedListener extractionSubmittedListener(ExtractionWaiter waiter, IntakeThrottle throttle) {
        return new ExtractionSubmittedListener(waiter, throttle);
    }
}
