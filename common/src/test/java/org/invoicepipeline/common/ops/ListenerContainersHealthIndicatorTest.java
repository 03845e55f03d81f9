package org.invoicepipeline.common.ops;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.listener.MessageListenerContainer;

import static org.assertj.core.api.Assertions.assertThat;

class ListenerContainersHealthIndicatorTest {

    @ParameterizedTest(name = "running={0} expected={1} pauseRequested={2} paused={3} -> {4} {5}")
    @CsvSource({
            "true,  true,  false, false, UP,   running",
            "true,  true,  true,  false, UP,   paused",
            "true,  true,  false, true,  UP,   paused",
            "false, false, false, false, DOWN, stopped",
            "false, true,  false, false, DOWN, stopped",
            "true,  false, false, false, DOWN, failed",
    })
    void readinessFollowsTheContainersState(boolean running, boolean inExpectedState, boolean pauseRequested,
                                            boolean paused, String status, String state) {
        FakeContainer healthy = new FakeContainer("other", true, true, false, false);
        FakeContainer container = new FakeContainer("stage", running, inExpectedState, pauseRequested, paused);

        Health health = new ListenerContainersHealthIndicator(() -> List.of(healthy, container)).health();

        assertThat(health.getStatus()).isEqualTo(new Status(status));
        assertThat(health.getDetails()).containsEntry("stage", state).containsEntry("other", "running");
    }

    private record FakeContainer(String id, boolean running, boolean inExpectedState, boolean pauseRequested,
                                 boolean paused) implements MessageListenerContainer {

        @Override
        public void setupMessageListener(Object messageListener) {
        }

        @Override
        public Map<String, Map<MetricName, ? extends Metric>> metrics() {
            return Map.of();
        }

        @Override
        public void start() {
        }

        @Override
        public void stop() {
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        @Override
        public boolean isInExpectedState() {
            return inExpectedState;
        }

        @Override
        public boolean isPauseRequested() {
            return pauseRequested;
        }

        @Override
        public boolean isContainerPaused() {
            return paused;
        }

        @Override
        public String getListenerId() {
            return id;
        }
    }
}
