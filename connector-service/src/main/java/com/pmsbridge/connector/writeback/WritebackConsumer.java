package com.pmsbridge.connector.writeback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.pmsbridge.connector.adapter.PmsAdapter;
import com.pmsbridge.connector.adapter.PmsAdapters;
import com.pmsbridge.connector.adapter.PmsUnavailableException;
import com.pmsbridge.connector.connection.Connection;
import com.pmsbridge.connector.connection.ConnectionHealth;
import com.pmsbridge.contract.ContractJson;
import com.pmsbridge.contract.Topics;
import com.pmsbridge.contract.event.WritebackCommand;
import com.pmsbridge.contract.event.WritebackResult;
import com.pmsbridge.service.failure.UntilAvailable;
import com.pmsbridge.service.kafka.CloudEventMessages;
import com.pmsbridge.service.tracing.MessageSpans;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.annotations.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Executes write-back commands against the PMS, each command id at most once once it has an outcome: a redelivered
 * command with a recorded outcome republishes that outcome without calling the PMS. 429 and 5xx are retried with
 * backoff by {@link com.pmsbridge.connector.adapter.PmsHttpClient}; other 4xx fail fast as REJECTED. A crash during
 * the PMS call leaves the command IN_PROGRESS and its redelivery calls again (at least once for that window).
 */
@ApplicationScoped
public class WritebackConsumer {
    private static final String IN_PROGRESS = "IN_PROGRESS";
    private final PmsAdapters adapters;
    private final ConnectionHealth health;
    private final EntityManager em;
    private final MutinyEmitter<String> emitter;
    private final MeterRegistry metrics;
    private final MessageSpans spans;

    WritebackConsumer(
            PmsAdapters adapters,
            ConnectionHealth health,
            EntityManager em,
            @Channel("change-events") MutinyEmitter<String> emitter,
            MeterRegistry metrics,
            MessageSpans spans) {
        this.spans = spans;
        this.adapters = adapters;
        this.health = health;
        this.em = em;
        this.emitter = emitter;
        this.metrics = metrics;
    }

    @Incoming("writeback-commands")
    @Blocking(ordered = true)
    @ActivateRequestContext
    public void consume(ConsumerRecord<String, String> record) throws JsonProcessingException {
        // the trace of the change or Apply that caused the command goes on: the PMS call is its span
        spans.process(record, () -> take(record));
    }

    private void take(ConsumerRecord<String, String> record) throws JsonProcessingException {
        WritebackCommand command = ContractJson.mapper().readValue(record.value(), WritebackCommand.class);
        if (command.commandId() == null || command.type() == null || command.connectionId() == null) {
            throw new IllegalArgumentException("write-back command without commandId, type or connectionId");
        }
        // the database or the broker away is waited out with the offset kept; the recorded outcome keeps a PMS
        // write from being sent twice when the command is tried again
        UntilAvailable.run(
                "write-back command " + command.commandId(),
                metrics.counter("pms_connector_consumer_retries_total", "consumer", "writeback"),
                () -> {
                    WritebackResult recorded = recordedOutcome(command);
                    publish(recorded != null ? recorded : execute(command));
                });
    }

    private WritebackResult execute(WritebackCommand command) {
        Connection connection = health.find(command.connectionId());
        if (connection == null || !connection.org.equals(command.org())) {
            return record(
                    command,
                    WritebackResult.Status.REJECTED,
                    null,
                    "no connection '" + command.connectionId() + "' in org " + command.org(),
                    0);
        }
        PmsAdapter adapter = adapters.forType(connection.pmsType).orElseThrow();
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("""
                        insert into writeback_command (command_id, connection_id, type, status) values (?1, ?2, ?3, ?4)
                        on conflict (command_id) do update set attempts = writeback_command.attempts + 1""")
                        .setParameter(1, command.commandId())
                        .setParameter(2, command.connectionId())
                        .setParameter(3, command.type().name())
                        .setParameter(4, IN_PROGRESS)
                        .executeUpdate());
        try {
            String externalId = adapter.write(connection, command);
            health.succeeded(connection.id);
            return record(command, WritebackResult.Status.SUCCEEDED, externalId, null, 1);
        } catch (PmsUnavailableException e) {
            if (e.unauthorized()) {
                health.failed(connection.id, e);
            }
            WritebackResult.Status status =
                    e.permanent() || e.unauthorized() ? WritebackResult.Status.REJECTED : WritebackResult.Status.FAILED;
            return record(command, status, null, e.getMessage(), 1);
        } catch (UnsupportedOperationException e) {
            return record(command, WritebackResult.Status.REJECTED, null, e.getMessage(), 0);
        }
    }

    private WritebackResult record(
            WritebackCommand command, WritebackResult.Status status, String externalId, String reason, int attempts) {
        String shortReason = reason == null ? null : reason.substring(0, Math.min(500, reason.length()));
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("""
                        insert into writeback_command (command_id, connection_id, type, status, external_id, reason, attempts, completed_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, now())
                        on conflict (command_id) do update set status = excluded.status, external_id = excluded.external_id,
                            reason = excluded.reason, completed_at = now()""")
                        .setParameter(1, command.commandId())
                        .setParameter(2, command.connectionId())
                        .setParameter(3, command.type().name())
                        .setParameter(4, status.name())
                        .setParameter(5, externalId)
                        .setParameter(6, shortReason)
                        .setParameter(7, attempts)
                        .executeUpdate());
        metrics.counter(
                        "pms_connector_writeback_total",
                        "connection",
                        command.connectionId(),
                        "type",
                        command.type().name(),
                        "status",
                        status.name())
                .increment();
        return new WritebackResult(
                WritebackResult.SCHEMA_VERSION,
                command.commandId(),
                command.type(),
                command.org(),
                command.connectionId(),
                command.entityKey(),
                status,
                externalId,
                shortReason,
                attempts,
                Instant.now());
    }

    private WritebackResult recordedOutcome(WritebackCommand command) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("""
                        select status, external_id, reason, attempts from writeback_command
                        where command_id = ?1 and status <> ?2""")
                        .setParameter(1, command.commandId())
                        .setParameter(2, IN_PROGRESS)
                        .getResultList());
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = rows.getFirst();
        return new WritebackResult(
                WritebackResult.SCHEMA_VERSION,
                command.commandId(),
                command.type(),
                command.org(),
                command.connectionId(),
                command.entityKey(),
                WritebackResult.Status.valueOf((String) row[0]),
                (String) row[1],
                (String) row[2],
                ((Number) row[3]).intValue(),
                Instant.now());
    }

    private void publish(WritebackResult result) {
        String key = result.entityKey() == null ? result.commandId() : result.entityKey();
        emitter.sendMessage(CloudEventMessages.of(
                        Topics.WRITEBACK_RESULTS,
                        key,
                        result.commandId() + "-result",
                        "/connections/" + result.connectionId(),
                        WritebackResult.CLOUD_EVENT_TYPE,
                        key,
                        result.completedAt(),
                        result.org(),
                        result))
                .await()
                .atMost(Duration.ofSeconds(30));
    }
}
