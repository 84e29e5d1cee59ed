package com.pmsbridge.connector.syncrun;

import com.pmsbridge.contract.Topics;
import com.pmsbridge.contract.event.SyncRunCompleted;
import com.pmsbridge.service.kafka.CloudEventMessages;
import io.smallrye.reactive.messaging.MutinyEmitter;
import org.eclipse.microprofile.reactive.messaging.Channel;

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
        emitter.sendMessage(CloudEventMessages.of(
                        Topics.SYNC_RUNS,
                        run.connectionId,
                        run.id.toString(),
                        "/connections/" + run.connectionId,
                        SyncRunCompleted.CLOUD_EVENT_TYPE,
                        run.connectionId,
                        run.finishedAt,
                        run.org,
                        event))
                .await()
                .atMost(Duration.ofSeconds(30));
    }
}
