package com.pmsbridge.connector.backfill;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.pmsbridge.contract.CloudEventHeaders;
import com.pmsbridge.contract.ContractJson;
import com.pmsbridge.contract.Topics;
import com.pmsbridge.contract.event.SyncRunCompleted;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Arrays;

/** Announces a completed Sync on {@code pms.connector.sync-runs.v1} (after its snapshot events were acknowledged). */
@ApplicationScoped
public class SyncRunPublisher {
    private final MutinyEmitter<String> emitter;

    SyncRunPublisher(@Channel("change-events") MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    public void completed(SyncRun run) {
        SyncRunCompleted event = new SyncRunCompleted(
                SyncRunCompleted.SCHEMA_VERSION,
                run.id.toString(),
                run.org,
                run.connectionId,
                Arrays.asList(run.entityTypes.split(",")),
                run.startedAt,
                run.finishedAt,
                run.records);
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(Topics.SYNC_RUNS)
                .withKey(run.connectionId)
                .withHeaders(CloudEventHeaders.of(
                        run.id.toString(),
                        "/connections/" + run.connectionId,
                        SyncRunCompleted.CLOUD_EVENT_TYPE,
                        run.connectionId,
                        run.finishedAt,
                        run.org))
                .build();
        try {
            emitter.sendMessage(Message.of(ContractJson.mapper().writeValueAsString(event))
                            .addMetadata(metadata))
                    .await()
                    .atMost(Duration.ofSeconds(30));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
