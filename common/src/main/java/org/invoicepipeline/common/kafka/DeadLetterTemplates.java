package org.invoicepipeline.common.kafka;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;

/**
 * The producer side of dead-lettering. A dead letter is either the decoded event (it failed in processing)
 * or the raw bytes (it could not be decoded), so the value serializer picks by type: {@code byte[]} as is,
 * anything else through the stage's event serializer. Keys are strings or raw bytes.
 */
public final class DeadLetterTemplates {

    private DeadLetterTemplates() {
    }

    /**
     * A template over its own producer.
     *
     * @param producerConfigs bootstrap servers, security, client id... (serializer entries are replaced)
     * @param eventSerializer the serializer of the stage's events (e.g. the Avro serde)
     */
    public static KafkaTemplate<Object, Object> create(Map<String, Object> producerConfigs,
                                                       Serializer<?> eventSerializer) {
        Map<String, Object> configs = new HashMap<>(producerConfigs);
        configs.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        configs.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        configs.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        DefaultKafkaProducerFactory<Object, Object> factory = new DefaultKafkaProducerFactory<>(configs,
                keySerializer(), valueSerializer(eventSerializer));
        return new KafkaTemplate<>(factory);
    }

    /** Strings as UTF-8, raw bytes as is. */
    public static Serializer<Object> keySerializer() {
        Map<Class<?>, Serializer<?>> delegates = new LinkedHashMap<>();
        delegates.put(byte[].class, new ByteArraySerializer());
        delegates.put(String.class, new StringSerializer());
        return new DelegatingByTypeSerializer(delegates, true);
    }

    /** Raw bytes as is, anything else through {@code eventSerializer}. */
    public static Serializer<Object> valueSerializer(Serializer<?> eventSerializer) {
        Map<Class<?>, Serializer<?>> delegates = new LinkedHashMap<>();
        delegates.put(byte[].class, new ByteArraySerializer());
        delegates.put(Object.class, eventSerializer);
        return new DelegatingByTypeSerializer(delegates, true);
    }
}
