package com.pmsbridge.sync.outbox;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxRelaySettingsTest {
    private static final OutboxConfig DEFAULTS = new OutboxConfig() {
        @Override
        public String sweepInterval() {
            return "5s";
        }

        @Override
        public int batchSize() {
            return 5000;
        }

        @Override
        public long ackTimeoutMs() {
            return 30_000;
        }

        @Override
        public int lingerMs() {
            return 5;
        }

        @Override
        public int producerBatchBytes() {
            return 262_144;
        }

        @Override
        public String compression() {
            return "lz4";
        }
    };

    @Test
    void givenTheServicesKafkaSettings_whenTheRelaysProducerIsConfigured_thenItReachesTheBrokerLikeTheChannels() {
        Map<String, Object> kafka = Map.of(
                "bootstrap.servers",
                "kafka:9093",
                "security.protocol",
                "SASL_SSL",
                "sasl.mechanism",
                "SCRAM-SHA-512",
                "session.timeout.ms",
                "10000",
                "acks",
                "1");

        Map<String, Object> settings = OutboxRelay.producerSettings(kafka, DEFAULTS);

        assertThat(settings)
                .containsEntry("bootstrap.servers", "kafka:9093")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .doesNotContainKey("session.timeout.ms") // a consumer setting: a producer would warn about it
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all") // the relay's own settings win
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, 5)
                .containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, 262_144)
                .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    }
}
