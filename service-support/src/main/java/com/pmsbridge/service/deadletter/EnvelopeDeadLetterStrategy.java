package com.pmsbridge.service.deadletter;

import com.pmsbridge.contract.CloudEventHeaders;
import com.pmsbridge.contract.event.DeadLetter;
import com.pmsbridge.service.kafka.KafkaClientSettings;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * The failure strategy of every consumer ({@code failure-strategy=pms-dead-letter}): a record its method threw on goes
 * to {@code pms.dlq.v1} in the one {@link DeadLetter} envelope (stage {@code consumer:<channel>}, the exception as
 * reason, the source topic, partition and offset, the raw value), and its offset moves on only once the broker has
 * the letter. Each Kafka-consuming service declares its bean by extending this class; the gateway, which has no Kafka
 * client, does not.
 */
public abstract class EnvelopeDeadLetterStrategy implements KafkaFailureHandler.Factory {
    public static final String NAME = "pms-dead-letter";
    private static final Logger LOG = Logger.getLogger(EnvelopeDeadLetterStrategy.class);

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    private volatile KafkaProducer<String, String> producer;

    @Override
    public KafkaFailureHandler create(
            KafkaConnectorIncomingConfiguration config,
            Vertx vertx,
            KafkaConsumer<?, ?> consumer,
            BiConsumer<Throwable, Boolean> reportFailure) {
        String stage = "consumer:" + config.getChannel();
        return new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                DeadLetter letter = DeadLetter.ofRecord(
                        service,
                        stage,
                        DeadLetterRecords.reason(reason),
                        CloudEventHeaders.get(record.getHeaders(), CloudEventHeaders.ORG),
                        null,
                        record.getTopic(),
                        record.getPartition(),
                        record.getOffset(),
                        Objects.toString(record.getPayload(), null));
                String key = record.getKey() == null ? null : record.getKey().toString();
                LOG.warnf(
                        "%s gave up on %s-%d@%d: %s",
                        stage, record.getTopic(), record.getPartition(), record.getOffset(), letter.reason());
                return send(letter, key)
                        .onFailure()
                        .retry()
                        .withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30))
                        .indefinitely() // the offset must not pass a record whose letter the broker does not have
                        .chain(() -> Uni.createFrom().completionStage(record.ack()));
            }
        };
    }

    private Uni<Void> send(DeadLetter letter, String key) {
        return Uni.createFrom()
                .<Void>emitter(done -> producer().send(DeadLetterRecords.of(letter, key), (written, failure) -> {
                    if (failure == null) {
                        done.complete(null);
                    } else {
                        done.fail(failure);
                    }
                }))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()); // send may block on metadata
    }

    private KafkaProducer<String, String> producer() {
        KafkaProducer<String, String> current = producer;
        if (current == null) {
            synchronized (this) {
                current = producer;
                if (current == null) {
                    Map<String, Object> settings = KafkaClientSettings.known(kafka, ProducerConfig.configNames());
                    settings.put(ProducerConfig.ACKS_CONFIG, "all");
                    settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
                    settings.put(ProducerConfig.CLIENT_ID_CONFIG, service + "-dead-letters");
                    current = new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer());
                    producer = current;
                }
            }
        }
        return current;
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
