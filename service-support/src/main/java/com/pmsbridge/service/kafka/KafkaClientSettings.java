package com.pmsbridge.service.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The service's {@code kafka.*} settings (bootstrap servers, and security wherever it is configured) that one kind of
 * Kafka client knows, so a client the service builds itself reaches the broker as its channels do.
 */
public final class KafkaClientSettings {
    private KafkaClientSettings() {}

    /** @param names the client's setting names, e.g. {@code ProducerConfig.configNames()} */
    public static Map<String, Object> known(Map<String, Object> kafka, Set<String> names) {
        Map<String, Object> settings = new HashMap<>();
        kafka.forEach((name, value) -> {
            if (names.contains(name)) {
                settings.put(name, value);
            }
        });
        return settings;
    }
}
