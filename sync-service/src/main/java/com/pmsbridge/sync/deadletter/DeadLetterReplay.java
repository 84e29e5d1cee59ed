package com.pmsbridge.sync.deadletter;

import com.pmsbridge.contract.ContractJson;
import com.pmsbridge.contract.Topics;
import com.pmsbridge.contract.event.DeadLetter;
import com.pmsbridge.service.kafka.KafkaClientSettings;
import io.smallrye.common.annotation.Identifier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends dead letters back to the topic they came from, once what made them fail is fixed: the letters of a time
 * window on {@code pms.dlq.v1}, optionally of one stage, organisation or reason, are re-published with their original
 * key; consumers treat them as new deliveries (and drop what they had applied, by event id).
 */
@ApplicationScoped
public class DeadLetterReplay {
    private static final Logger LOG = Logger.getLogger(DeadLetterReplay.class);
    private final Map<String, Object> kafka;

    /** Which letters to replay; null fields match everything. */
    public record Selection(Instant from, Instant to, String stage, String org, String reasonPrefix, boolean dryRun) {}

    /** How many letters matched, were re-published, and had no source topic to go back to. */
    public record Outcome(int matched, int replayed, int withoutSource) {}

    DeadLetterReplay(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.kafka = kafka;
    }

    public Outcome replay(Selection selection) {
        int matched = 0;
        int replayed = 0;
        int withoutSource = 0;
        try (KafkaConsumer<String, String> letters = consumer();
                KafkaProducer<String, String> producer = producer()) {
            List<TopicPartition> partitions = letters.partitionsFor(Topics.DLQ).stream()
                    .map(p -> new TopicPartition(Topics.DLQ, p.partition()))
                    .toList();
            letters.assign(partitions);
            Map<TopicPartition, Long> end = letters.endOffsets(partitions);
            Map<TopicPartition, Long> start = new HashMap<>();
            partitions.forEach(p -> start.put(p, selection.from().toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> offsets = letters.offsetsForTimes(start);
            for (TopicPartition partition : partitions) {
                OffsetAndTimestamp offset = offsets.get(partition);
                letters.seek(partition, offset == null ? end.get(partition) : offset.offset());
            }
            while (partitions.stream().anyMatch(p -> letters.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : letters.poll(Duration.ofMillis(500))) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))
                            || record.timestamp() > selection.to().toEpochMilli()) {
                        continue;
                    }
                    DeadLetter letter = read(record.value());
                    if (letter == null || !matches(letter, selection)) {
                        continue;
                    }
                    matched++;
                    if (letter.sourceTopic() == null || letter.rawPayload() == null) {
                        withoutSource++;
                    } else if (!selection.dryRun()) {
                        producer.send(new ProducerRecord<>(letter.sourceTopic(), record.key(), letter.rawPayload()))
                                .get(30, TimeUnit.SECONDS);
                        replayed++;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge a replayed letter", e);
        }
        LOG.infof(
                "dead-letter replay: %d matched, %d replayed, %d without a source topic",
                matched, replayed, withoutSource);
        return new Outcome(matched, replayed, withoutSource);
    }

    private static boolean matches(DeadLetter letter, Selection selection) {
        return (selection.stage() == null || selection.stage().equals(letter.stage()))
                && (selection.org() == null || selection.org().equals(letter.org()))
                && (selection.reasonPrefix() == null
                        || (letter.reason() != null && letter.reason().startsWith(selection.reasonPrefix())));
    }

    private static DeadLetter read(String json) {
        try {
            return json == null ? null : ContractJson.mapper().readValue(json, DeadLetter.class);
        } catch (IOException e) {
            return null; // not an envelope: nothing to replay from it
        }
    }

    private KafkaConsumer<String, String> consumer() {
        Map<String, Object> settings = KafkaClientSettings.known(kafka, ConsumerConfig.configNames());
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "sync-service-dlq-replay");
        return new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer());
    }

    private KafkaProducer<String, String> producer() {
        Map<String, Object> settings = KafkaClientSettings.known(kafka, ProducerConfig.configNames());
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, "sync-service-dlq-replay");
        return new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer());
    }
}
