package org.invoicepipeline.common.ops;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Hands an application context's {@link MeterRegistry} to the Kafka plug-ins Kafka instantiates itself
 * (metrics reporter, interceptors). They find it through the id passed in their client configuration, not
 * through a JVM-wide static registry: the local run hosts four workers (four registries) in one JVM.
 */
public final class StageMeters {

    /** Client configuration key carrying the id of the context's registry. */
    public static final String REGISTRY_ID_CONFIG = "invoicepipeline.ops.meter-registry-id";

    private static final Map<String, StageMeters> BY_ID = new ConcurrentHashMap<>();

    private final String id = UUID.randomUUID().toString();
    private final String stage;
    private final Supplier<MeterRegistry> registry;
    private final StageFlow flow;

    private StageMeters(String stage, Supplier<MeterRegistry> registry, int flowCapacity) {
        this.stage = stage;
        this.registry = registry;
        this.flow = new StageFlow(stage, registry, flowCapacity);
    }

    /** Registers a context's registry (obtained lazily, when the first client reports). */
    public static StageMeters register(String stage, Supplier<MeterRegistry> registry, int flowCapacity) {
        StageMeters meters = new StageMeters(stage, registry, flowCapacity);
        BY_ID.put(meters.id, meters);
        return meters;
    }

    /** The registration named by a client configuration, if the client was built for a registered context. */
    public static Optional<StageMeters> from(Map<String, ?> clientConfigs) {
        Object id = clientConfigs.get(REGISTRY_ID_CONFIG);
        return id == null ? Optional.empty() : Optional.ofNullable(BY_ID.get(id.toString()));
    }

    public void unregister() {
        BY_ID.remove(id);
    }

    public String id() {
        return id;
    }

    public String stage() {
        return stage;
    }

    public MeterRegistry registry() {
        return registry.get();
    }

    public StageFlow flow() {
        return flow;
    }
}
