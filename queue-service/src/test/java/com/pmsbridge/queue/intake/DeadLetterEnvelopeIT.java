package com.pmsbridge.queue.intake;

import com.pmsbridge.contract.ContractJson;
import com.pmsbridge.contract.EntityType;
import com.pmsbridge.contract.Topics;
import com.pmsbridge.contract.event.DeadLetter;
import com.pmsbridge.contract.event.LifecycleEvent;
import com.pmsbridge.contract.event.LifecycleType;
import com.pmsbridge.queue.item.QueueItem;
import com.pmsbridge.testsupport.KafkaTestResource;
import com.pmsbridge.testsupport.PostgresTestResource;
import com.pmsbridge.testsupport.TestKafkaReader;
import com.pmsbridge.testsupport.TestKafkaWriter;
import com.pmsbridge.testsupport.TestOidcResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A record the intake cannot read goes to the DLQ alone, in the one envelope naming where it came from. */
@QuarkusTest
@QuarkusTestResource(TestOidcResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "queue_test"))
class DeadLetterEnvelopeIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void givenRecordThatIsNotALifecycleEvent_whenConsumed_thenItsEnvelopeNamesTopicPartitionOffsetAndReason()
            throws Exception {
        String poisonKey = "lease:conn-dlq:" + UUID.randomUUID();
        String validKey = "lease:conn-dlq:" + UUID.randomUUID();
        try (TestKafkaWriter writer = new TestKafkaWriter();
                TestKafkaReader source = new TestKafkaReader(Topics.DOMAIN_EVENTS);
                TestKafkaReader dlq = new TestKafkaReader(Topics.DLQ)) {
            writer.sendRaw(Topics.DOMAIN_EVENTS, poisonKey, "{\"type\":\"NOT_A_LIFECYCLE_TYPE\"}");
            writer.sendRaw(Topics.DOMAIN_EVENTS, validKey, ContractJson.mapper().writeValueAsString(event(validKey)));

            await().atMost(TIMEOUT).until(() -> !dlq.withKey(poisonKey).isEmpty());
            ConsumerRecord<String, String> original = source.withKey(poisonKey).getFirst();
            DeadLetter letter = dlq.valuesWithKey(poisonKey, DeadLetter.class).getFirst();

            assertThat(letter.service()).isEqualTo("queue-service");
            assertThat(letter.stage()).isEqualTo("consumer:domain-events");
            assertThat(letter.reason()).isNotBlank().doesNotContain("\n");
            assertThat(letter.sourceTopic()).isEqualTo(Topics.DOMAIN_EVENTS);
            assertThat(letter.sourcePartition()).isEqualTo(original.partition());
            assertThat(letter.sourceOffset()).isEqualTo(original.offset());
            assertThat(letter.rawPayload()).isEqualTo(original.value());
            // the record behind it was not held up, nor dead-lettered with it
            await().atMost(TIMEOUT).until(() -> items(validKey) == 1);
            assertThat(dlq.withKey(validKey)).isEmpty();
        }
    }

    private static LifecycleEvent event(String entityKey) {
        return new LifecycleEvent(
                LifecycleEvent.SCHEMA_VERSION,
                UUID.randomUUID().toString(),
                LifecycleType.LEASE_CREATED,
                "acme",
                "conn-dlq",
                EntityType.LEASE,
                entityKey,
                "P-9",
                "U-9",
                List.of("status"),
                Map.of(),
                Map.of("status", "FUTURE"),
                List.of(UUID.randomUUID().toString()),
                Instant.now());
    }

    private static long items(String entityKey) {
        return QuarkusTransaction.requiringNew().call(() -> QueueItem.count("entityKey", entityKey));
    }
}
