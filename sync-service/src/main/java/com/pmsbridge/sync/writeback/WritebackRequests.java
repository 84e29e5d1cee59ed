package com.pmsbridge.sync.writeback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.pmsbridge.contract.ContractJson;
import com.pmsbridge.contract.Ids;
import com.pmsbridge.contract.event.WritebackCommand;
import com.pmsbridge.contract.event.WritebackResult;
import com.pmsbridge.service.persistence.SqlTimes;
import com.pmsbridge.sync.outbox.Outbox;
import com.pmsbridge.sync.outbox.OutboxRelay;
import io.quarkus.narayana.jta.QuarkusTransaction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Write-backs an operator asks for: stored with their idempotency key and put in the outbox as a command in one
 * transaction (the same key again gives the same request, never a second command), then completed by the connector's
 * result.
 */
@ApplicationScoped
public class WritebackRequests {
    /** What an operator may ask the PMS to create; updates come from hub edits of the records themselves. */
    static final Set<WritebackCommand.Type> CREATABLE = Set.of(
            WritebackCommand.Type.CREATE_WORK_ORDER,
            WritebackCommand.Type.CREATE_LEAD,
            WritebackCommand.Type.POST_CHARGE);

    private final EntityManager em;
    private final Outbox outbox;
    private final OutboxRelay relay;

    WritebackRequests(EntityManager em, Outbox outbox, OutboxRelay relay) {
        this.em = em;
        this.outbox = outbox;
        this.relay = relay;
    }

    /** A request as the API shows it. */
    public record View(
            UUID id,
            WritebackCommand.Type type,
            String connectionId,
            Map<String, Object> fields,
            String status,
            String externalId,
            String reason,
            String requestedBy,
            Instant createdAt,
            Instant completedAt) {}

    public View request(
            String org,
            String idempotencyKey,
            WritebackCommand.Type type,
            String connectionId,
            Map<String, Object> fields,
            String actor) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
            throw new BadRequestException("header 'Idempotency-Key' is required (1-200 characters)");
        }
        if (type == null || !CREATABLE.contains(type)) {
            throw new BadRequestException("field 'type' must be one of " + CREATABLE);
        }
        if (connectionId == null || connectionId.isBlank() || connectionId.length() > 100) {
            throw new BadRequestException("field 'connectionId' is required (at most 100 characters)");
        }
        if (fields == null || fields.isEmpty()) {
            throw new BadRequestException("field 'fields' must hold what to create");
        }
        UUID id = Ids.derived(org, "writeback", idempotencyKey);
        String entity = switch (type) {
            case CREATE_WORK_ORDER -> "workorder";
            case CREATE_LEAD -> "lead";
            default -> "charge";
        };
        View stored = QuarkusTransaction.requiringNew().call(() -> {
            Optional<View> existing = find(org, id);
            if (existing.isPresent()) {
                if (existing.get().type() != type
                        || !existing.get().connectionId().equals(connectionId)) {
                    throw new ClientErrorException(
                            "Idempotency-Key '" + idempotencyKey + "' was used for another write-back", 409);
                }
                return existing.get();
            }
            em.createNativeQuery("""
                            insert into writeback_request (id, org, idempotency_key, type, connection_id, fields, status,
                                requested_by)
                            values (?1, ?2, ?3, ?4, ?5, cast(?6 as jsonb), 'PENDING', ?7)""")
                    .setParameter(1, id)
                    .setParameter(2, org)
                    .setParameter(3, idempotencyKey)
                    .setParameter(4, type.name())
                    .setParameter(5, connectionId)
                    .setParameter(6, json(fields))
                    .setParameter(7, actor)
                    .executeUpdate();
            outbox.addCommand(new WritebackCommand(
                    WritebackCommand.SCHEMA_VERSION,
                    id.toString(),
                    type,
                    org,
                    connectionId,
                    entity + ":" + connectionId + ":new-" + id,
                    null,
                    fields,
                    actor,
                    Instant.now()));
            return find(org, id).orElseThrow();
        });
        relay.wake();
        return stored;
    }

    public Optional<View> get(String org, UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> find(org, id));
    }

    /** The connector's outcome of a command this service asked for; other commands' results are not ours. */
    public void complete(WritebackResult result) {
        UUID id;
        try {
            id = UUID.fromString(result.commandId());
        } catch (IllegalArgumentException e) {
            return;
        }
        em.createNativeQuery("""
                        update writeback_request set status = ?1, external_id = ?2, reason = ?3, completed_at = now()
                        where id = ?4 and org = ?5""")
                .setParameter(1, result.status().name())
                .setParameter(2, result.externalId())
                .setParameter(
                        3,
                        result.reason() == null
                                ? null
                                : result.reason()
                                        .substring(
                                                0, Math.min(500, result.reason().length())))
                .setParameter(4, id)
                .setParameter(5, result.org())
                .executeUpdate();
    }

    private Optional<View> find(String org, UUID id) {
        List<?> rows = em.createNativeQuery("""
                        select id, type, connection_id, cast(fields as text), status, external_id, reason, requested_by,
                               created_at, completed_at
                        from writeback_request where id = ?1 and org = ?2""")
                .setParameter(1, id)
                .setParameter(2, org)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = (Object[]) rows.getFirst();
        return Optional.of(new View(
                (UUID) r[0],
                WritebackCommand.Type.valueOf((String) r[1]),
                (String) r[2],
                read((String) r[3]),
                (String) r[4],
                (String) r[5],
                (String) r[6],
                (String) r[7],
                SqlTimes.toInstant(r[8]),
                SqlTimes.toInstant(r[9])));
    }

    private static String json(Map<String, Object> fields) {
        try {
            return ContractJson.mapper().writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new BadRequestException("field 'fields' cannot be written as JSON");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(String json) {
        try {
            return ContractJson.mapper().readValue(json, Map.class);
        } catch (IOException e) {
            return Map.of();
        }
    }
}
