package org.invoicepipeline.common.ops;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * DOWN when a listener container of the stage is stopped or its consumer thread died (not in the state it should
 * be in); UP otherwise. A paused container is UP with {@code paused} in its details: stages pause on purpose (back-off,
 * credits, intake limits) and an orchestrator must not restart them for it.
 */
public class ListenerContainersHealthIndicator implements HealthIndicator {

    private final Supplier<Collection<MessageListenerContainer>> containers;

    public ListenerContainersHealthIndicator(Supplier<Collection<MessageListenerContainer>> containers) {
        this.containers = containers;
    }

    @Override
    public Health health() {
        Map<String, String> states = new LinkedHashMap<>();
        boolean up = true;
        for (MessageListenerContainer container : containers.get()) {
            String state = stateOf(container);
            states.put(container.getListenerId() != null ? container.getListenerId() : container.toString(), state);
            up &= state.equals("running") || state.equals("paused");
        }
        return (up ? Health.up() : Health.down()).withDetails(states).build();
    }

    static String stateOf(MessageListenerContainer container) {
        if (!container.isRunning()) {
            return "stopped";
        }
        if (!container.isInExpectedState()) {
            return "failed";
        }
        if (container.isPauseRequested() || container.isContainerPaused()) {
            return "paused";
        }
        return "running";
    }
}
