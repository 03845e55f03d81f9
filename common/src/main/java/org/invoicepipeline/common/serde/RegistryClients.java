package org.invoicepipeline.common.serde;

import java.util.Map;

import io.apicurio.registry.resolver.client.RegistryClientFacade;
import org.apache.kafka.common.config.ConfigException;

/** Reads the optional {@link EventSerdeConfig#REGISTRY_CLIENT} instance. */
final class RegistryClients {

    private RegistryClients() {
    }

    static RegistryClientFacade fromConfig(Map<String, ?> configs) {
        Object client = configs.get(EventSerdeConfig.REGISTRY_CLIENT);
        if (client == null) {
            return null;
        }
        if (client instanceof RegistryClientFacade facade) {
            return facade;
        }
        throw new ConfigException(EventSerdeConfig.REGISTRY_CLIENT, client.getClass().getName(),
                "must be a RegistryClientFacade instance");
    }
}
