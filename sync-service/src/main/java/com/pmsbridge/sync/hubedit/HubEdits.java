package com.pmsbridge.sync.hubedit;

import com.pmsbridge.contract.EntityKey;
import com.pmsbridge.contract.event.ChangeEvent;
import com.pmsbridge.contract.event.Op;
import com.pmsbridge.sync.conflict.HybridLogicalClock;
import com.pmsbridge.sync.outbox.Outbox;
import com.pmsbridge.sync.outbox.OutboxRelay;
import com.pmsbridge.sync.ownership.Owner;
import com.pmsbridge.sync.ownership.OwnershipPolicy;
import com.pmsbridge.sync.projection.ChangeProjector;
import com.pmsbridge.sync.projection.EntityState;
import com.pmsbridge.sync.projection.Source;
import com.pmsbridge.sync.writeback.SharedFieldWriteback;
import io.quarkus.narayana.jta.QuarkusTransaction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Edits from operators and downstream tools. A PMS-owned field is refused (409, naming the field and its owner);
 * hub-owned and shared fields become a change event with source {@code hub} and a hybrid-logical-clock version, and
 * shared fields are written back to the PMS through {@code pms.writeback.commands.v1}.
 */
@ApplicationScoped
public class HubEdits {
    private final OwnershipPolicy ownership;
    private final ChangeProjector projector;
    private final HybridLogicalClock clock;
    private final Outbox outbox;
    private final OutboxRelay relay;

    HubEdits(
            OwnershipPolicy ownership,
            ChangeProjector projector,
            HybridLogicalClock clock,
            Outbox outbox,
            OutboxRelay relay) {
        this.ownership = ownership;
        this.projector = projector;
        this.clock = clock;
        this.outbox = outbox;
        this.relay = relay;
    }

    public void edit(String entityKey, String org, Map<String, Object> fields, String actor) {
        QuarkusTransaction.requiringNew().run(() -> {
            EntityState state = EntityState.findById(entityKey);
            if (state == null || !state.org.equals(org) || state.deleted) {
                throw new NotFoundException("no entity '" + entityKey + "'");
            }
            for (String field : fields.keySet()) {
                Owner owner = ownership.owner(state, field);
                if (owner == Owner.PMS) {
                    throw new ClientErrorException(
                            "field '" + field + "' of a " + state.entityType
                                    + " is owned by the PMS; change it in the PMS",
                            409);
                }
                if (owner == Owner.SHARED && !SharedFieldWriteback.writable(state.entityType, field)) {
                    // it would stay pending for good: nothing could write it back (an older policy may share it)
                    throw new ClientErrorException(
                            "field '" + field + "' of a " + state.entityType
                                    + " is shared, but PMS Bridge cannot write it back to the PMS; change it in the PMS",
                            409);
                }
            }
            EntityKey key = EntityKey.parse(entityKey);
            Instant now = Instant.now();
            ChangeEvent edit = new ChangeEvent(
                    ChangeEvent.SCHEMA_VERSION,
                    UUID.randomUUID().toString(),
                    org,
                    key.connectionId(),
                    Source.HUB.wireName(),
                    key.type(),
                    key.externalId(),
                    Op.UPDATE,
                    clock.next(org),
                    null,
                    now,
                    now,
                    new LinkedHashMap<>(fields));
            projector.project(edit, Source.HUB);
            recordActor(edit, actor);
            writeBack(state, edit, actor);
        });
        // answered after the commit; the relay publishes on its own thread (with Kafka away, the edit is stored
        // and the PATCH still answers at once)
        relay.wake();
    }

    /** The history names the person; the event itself (on the wire) does not carry it. */
    private static void recordActor(ChangeEvent edit, String actor) {
        if (actor != null) {
            EntityState.getEntityManager()
                    .createNativeQuery("insert into edit_actors (event_id, actor) values (?1, ?2)")
                    .setParameter(1, edit.eventId())
                    .setParameter(2, actor.length() > 200 ? actor.substring(0, 200) : actor)
                    .executeUpdate();
        }
    }

    private void writeBack(EntityState state, ChangeEvent edit, String actor) {
        Map<String, Object> shared = new LinkedHashMap<>();
        edit.data().forEach((field, value) -> {
            if (ownership.owner(state, field) == Owner.SHARED) {
                shared.put(field, value);
            }
        });
        SharedFieldWriteback.command(
                        state.org,
                        state.connectionId,
                        state.entityType,
                        state.entityKey,
                        state.externalId,
                        shared,
                        edit.eventId(),
                        actor,
                        edit.receivedAt())
                .ifPresent(outbox::addCommand);
    }
}
