package com.pmsbridge.examples.lock;

import com.pmsbridge.contract.ContractJson;
import com.pmsbridge.contract.EntityType;
import com.pmsbridge.contract.Ids;
import com.pmsbridge.contract.Topics;
import com.pmsbridge.contract.event.CurrentState;
import com.pmsbridge.contract.event.QueueAction;
import com.pmsbridge.contract.event.QueueActionResult;
import com.pmsbridge.contract.model.CanonicalData;
import com.pmsbridge.contract.model.Lease;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;

/**
 * A smart-lock system as a downstream team writes it from docs/consumers.md: it keeps the current leases from
 * {@code pms.lease.state.v1} (a tombstone deletes one), opens and closes doors on {@code ACCESS_GRANTED} and
 * {@code ACCESS_REVOKED} from {@code pms.queue.actions.v1} once per event id, and reports each outcome on
 * {@code pms.queue.action-results.v1}, where queue-service shows it on the item. Only the organisations it serves.
 */
public final class LockSystem implements AutoCloseable {
    public static final String NAME = "example-lock-system";
    private static final String LEASES = Topics.state(EntityType.LEASE);
    /** Event ids already acted on; a real system keeps them with its door state (here: the last 10,000). */
    private static final int REMEMBERED = 10_000;

    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, CloudEvent> producer;
    private final CloudEventDeserializer events = new CloudEventDeserializer();
    private final Set<String> organisations;
    private final Map<String, Lease> leases = new HashMap<>();
    private final Set<String> openDoors = new TreeSet<>();
    private final Set<String> seen = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    });
    private int duplicatesSkipped;
    private int leasesDeleted;

    public LockSystem(String bootstrapServers, String consumerGroup, Set<String> organisations) {
        this.organisations = Set.copyOf(organisations);
        Properties in = new Properties();
        in.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        in.put(ConsumerConfig.GROUP_ID_CONFIG, consumerGroup);
        in.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"); // a new consumer starts from the current state
        in.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"); // committed after acting: at least once
        in.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        in.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        consumer = new KafkaConsumer<>(in);
        consumer.subscribe(List.of(LEASES, Topics.QUEUE_ACTIONS));
        Properties out = new Properties();
        out.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        out.put(ProducerConfig.ACKS_CONFIG, "all");
        out.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        out.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class.getName());
        producer = new KafkaProducer<>(out);
    }

    /** Reads what arrives within the timeout, acts on it, then commits; returns how many records were read. */
    public int poll(Duration timeout) {
        var records = consumer.poll(timeout);
        for (ConsumerRecord<String, byte[]> record : records) {
            handle(record);
        }
        consumer.commitSync();
        return records.count();
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            // a tombstone: the lease was deleted in the PMS (or found gone by a Sync)
            if (LEASES.equals(record.topic()) && leases.remove(record.key()) != null) {
                leasesDeleted++;
            }
            return;
        }
        CloudEvent event = events.deserialize(record.topic(), record.headers(), record.value());
        Object org = event.getExtension("org");
        if (org == null || !organisations.contains(org.toString())) {
            return;
        }
        if (!seen.add(event.getId())) {
            duplicatesSkipped++; // delivered again (a retry or a rebalance): already acted on
            return;
        }
        if (LEASES.equals(record.topic())) {
            leases.put(record.key(), (Lease) read(event, CurrentState.class).entity());
        } else {
            act(read(event, QueueAction.class));
        }
    }

    private void act(QueueAction action) {
        boolean grant = action.action() == QueueAction.Action.ACCESS_GRANTED;
        if (!grant && action.action() != QueueAction.Action.ACCESS_REVOKED) {
            return; // invitations, lease and resident updates are for other tools
        }
        List<String> ids = action.data() == null
                ? null
                : CanonicalData.read(Lease.class, action.data()).residentIds();
        if (action.unitId() == null || ids == null || ids.isEmpty()) {
            report(action, QueueActionResult.Outcome.FAILED, "the action names no unit or no residents");
            return;
        }
        for (String resident : ids) {
            String door = action.unitId() + "/" + resident;
            if (grant) {
                openDoors.add(door);
            } else {
                openDoors.remove(door);
            }
        }
        report(
                action,
                QueueActionResult.Outcome.DONE,
                (grant ? "access granted" : "access revoked") + " on unit " + action.unitId() + " for " + ids.size()
                        + " resident(s)");
    }

    private void report(QueueAction action, QueueActionResult.Outcome outcome, String detail) {
        // the same action always gets the same report id, so a report sent twice is one report
        String id = Ids.derived("result", action.eventId()).toString();
        QueueActionResult result = new QueueActionResult(
                QueueActionResult.SCHEMA_VERSION,
                id,
                action.itemId(),
                action.org(),
                action.entityKey(),
                outcome,
                detail,
                NAME,
                Instant.now());
        CloudEvent event = CloudEventBuilder.v1()
                .withId(id)
                .withSource(URI.create("/examples/lock-system"))
                .withType(QueueActionResult.CLOUD_EVENT_TYPE)
                .withSubject(action.entityKey())
                .withTime(result.reportedAt().atOffset(ZoneOffset.UTC))
                .withExtension("org", action.org())
                .withData("application/json", json(result))
                .build();
        try {
            producer.send(new ProducerRecord<>(Topics.QUEUE_ACTION_RESULTS, action.entityKey(), event))
                    .get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reporting", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the report could not be sent", e.getCause());
        }
    }

    public Map<String, Lease> leases() {
        return Collections.unmodifiableMap(leases);
    }

    public Set<String> openDoors() {
        return Collections.unmodifiableSet(openDoors);
    }

    public int duplicatesSkipped() {
        return duplicatesSkipped;
    }

    public int leasesDeleted() {
        return leasesDeleted;
    }

    private static <T> T read(CloudEvent event, Class<T> type) {
        try {
            return ContractJson.mapper().readValue(event.getData().toBytes(), type);
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable " + event.getType() + " " + event.getId(), e);
        }
    }

    private static byte[] json(Object value) {
        try {
            return ContractJson.mapper().writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        consumer.close();
        producer.close();
    }
}
