package com.pmsbridge.examples.lock;

import com.pmsbridge.contract.CloudEventHeaders;
import com.pmsbridge.contract.ContractJson;
import com.pmsbridge.contract.EntityType;
import com.pmsbridge.contract.Topics;
import com.pmsbridge.contract.event.QueueAction;
import com.pmsbridge.contract.event.QueueActionResult;
import com.pmsbridge.contract.model.LeaseStatus;
import com.pmsbridge.testsupport.KafkaTopics;
import com.pmsbridge.testsupport.TestInfrastructure;
import com.pmsbridge.testsupport.TestKafkaReader;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/** The example lock system against the real broker, fed records shaped as the services publish them. */
class LockSystemIT {
    private static final String LEASES = Topics.state(EntityType.LEASE);

    @BeforeAll
    static void topics() {
        KafkaTopics.createContractTopics(TestInfrastructure.kafkaBootstrapServers());
    }

    @Test
    void givenStateATombstoneAndActionsWithARedelivery_whenConsumed_thenEachActsOnceAndEachOutcomeIsReported()
            throws Exception {
        String org = "locks-" + UUID.randomUUID();
        String kept = "lease:c-lock:" + UUID.randomUUID();
        String gone = "lease:c-lock:" + UUID.randomUUID();
        String grantItem = UUID.randomUUID().toString();
        String revokeItem = UUID.randomUUID().toString();
        String otherOrgsItem = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> services = producer();
                TestKafkaReader reports = new TestKafkaReader(Topics.QUEUE_ACTION_RESULTS)) {
            send(services, LEASES, kept, org, "com.pmsbridge.lease.state.v1", state(kept, org));
            send(services, LEASES, gone, org, "com.pmsbridge.lease.state.v1", state(gone, org));
            send(services, LEASES, gone, org, "com.pmsbridge.lease.state.v1", null);
            String grant = action(grantItem, org, kept, QueueAction.Action.ACCESS_GRANTED);
            send(services, Topics.QUEUE_ACTIONS, kept, org, "com.pmsbridge.queue.access-granted.v1", grant, grantItem);
            send(services, Topics.QUEUE_ACTIONS, kept, org, "com.pmsbridge.queue.access-granted.v1", grant, grantItem);
            String other = action(otherOrgsItem, "elsewhere", kept, QueueAction.Action.ACCESS_GRANTED);
            send(
                    services,
                    Topics.QUEUE_ACTIONS,
                    kept,
                    "elsewhere",
                    "com.pmsbridge.queue.access-granted.v1",
                    other,
                    otherOrgsItem);
            send(
                    services,
                    Topics.QUEUE_ACTIONS,
                    kept,
                    org,
                    "com.pmsbridge.queue.access-revoked.v1",
                    action(revokeItem, org, kept, QueueAction.Action.ACCESS_REVOKED),
                    revokeItem);

            try (LockSystem locks =
                    new LockSystem(TestInfrastructure.kafkaBootstrapServers(), "locks-" + org, Set.of(org))) {
                await().atMost(Duration.ofSeconds(60)).pollInSameThread().until(() -> {
                    locks.poll(Duration.ofMillis(500));
                    // the two topics are read in no fixed order: wait for both
                    return reportsFor(reports, Set.of(grantItem, revokeItem)).size() == 2
                            && locks.leases().containsKey(kept)
                            && locks.leasesDeleted() == 1;
                });

                assertThat(locks.leases()).containsKey(kept).doesNotContainKey(gone);
                assertThat(locks.leases().get(kept).status()).isEqualTo(LeaseStatus.CURRENT);
                assertThat(locks.leases().get(kept).residentIds()).containsExactly("R-1", "R-2");
                assertThat(locks.duplicatesSkipped()).isEqualTo(1);
                assertThat(locks.openDoors()).isEmpty(); // granted to both residents, then revoked
                List<QueueActionResult> results = reportsFor(reports, Set.of(grantItem, revokeItem, otherOrgsItem));
                assertThat(results)
                        .extracting(QueueActionResult::itemId, QueueActionResult::outcome)
                        .containsExactlyInAnyOrder(
                                tuple(grantItem, QueueActionResult.Outcome.DONE),
                                tuple(revokeItem, QueueActionResult.Outcome.DONE));
                assertThat(results).allSatisfy(r -> assertThat(r.detail()).contains("unit U-1", "2 resident(s)"));
            }
        }
    }

    private static List<QueueActionResult> reportsFor(TestKafkaReader reports, Set<String> items) {
        return reports.matching(r -> true).stream()
                .map(r -> {
                    try {
                        return ContractJson.mapper().readValue(r.value(), QueueActionResult.class);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .filter(r -> items.contains(r.itemId()))
                .toList();
    }

    private static String state(String key, String org) throws Exception {
        return ContractJson.mapper()
                .writeValueAsString(Map.of(
                        "entityKey",
                        key,
                        "org",
                        org,
                        "connectionId",
                        "c-lock",
                        "entityType",
                        "lease",
                        "version",
                        "2026-12-01T00:00:00Z",
                        "data",
                        Map.of("unitId", "U-1", "status", "CURRENT", "residentIds", List.of("R-1", "R-2"))));
    }

    private static String action(String itemId, String org, String key, QueueAction.Action kind) throws Exception {
        return ContractJson.mapper()
                .writeValueAsString(new QueueAction(
                        QueueAction.SCHEMA_VERSION,
                        itemId,
                        kind,
                        org,
                        "c-lock",
                        "P-1",
                        "U-1",
                        key,
                        itemId,
                        kind == QueueAction.Action.ACCESS_GRANTED ? "MOVE_IN" : "MOVE_OUT",
                        "olivia",
                        false,
                        Map.of("residentIds", List.of("R-1", "R-2")),
                        Instant.now()));
    }

    private static void send(
            KafkaProducer<String, String> producer, String topic, String key, String org, String type, String value)
            throws Exception {
        send(producer, topic, key, org, type, value, UUID.randomUUID().toString());
    }

    /** A record as the services publish it: CloudEvents binary mode through the contract's own header helper. */
    private static void send(
            KafkaProducer<String, String> producer,
            String topic,
            String key,
            String org,
            String type,
            String value,
            String id)
            throws Exception {
        producer.send(new ProducerRecord<>(
                        topic, null, key, value, CloudEventHeaders.of(id, "/test", type, key, Instant.now(), org)))
                .get();
    }

    private static KafkaProducer<String, String> producer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(properties);
    }
}
