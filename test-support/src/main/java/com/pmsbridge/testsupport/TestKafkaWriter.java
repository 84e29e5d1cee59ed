package com.pmsbridge.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.pmsbridge.contract.CloudEventHeaders;
import com.pmsbridge.contract.ContractJson;
import com.pmsbridge.contract.Topics;
import com.pmsbridge.contract.event.ChangeEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Publishes records to the real test broker and waits for the acknowledgement. */
public final class TestKafkaWriter implements AutoCloseable {
    private final KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));

    /** Publishes a change event as the connector does (CloudEvents headers, keyed by entity key). */
    public void send(ChangeEvent event) {
        sendAll(List.of(event));
    }

    /** Publishes many change events at once (pipelined, not one round trip each) and waits for every ack. */
    public void sendAll(List<ChangeEvent> events) {
        List<Future<?>> acks = new ArrayList<>();
        try {
            for (ChangeEvent event : events) {
                acks.add(producer.send(new ProducerRecord<>(
                        Topics.changes(event.entityType()),
                        null,
                        event.key().value(),
                        ContractJson.mapper().writeValueAsString(event),
                        CloudEventHeaders.of(
                                event.eventId(),
                                "/connections/" + event.connectionId(),
                                ChangeEvent.cloudEventType(event.entityType()),
                                event.key().value(),
                                event.receivedAt(),
                                event.org()))));
            }
            for (Future<?> ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
        } catch (JsonProcessingException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Publishes a raw value, e.g. a malformed record. */
    public void sendRaw(String topic, String key, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
