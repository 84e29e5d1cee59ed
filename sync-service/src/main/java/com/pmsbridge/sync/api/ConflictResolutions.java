package com.pmsbridge.sync.api;

import com.pmsbridge.sync.conflict.Conflict;
import com.pmsbridge.sync.hubedit.HubEdits;
import com.pmsbridge.sync.projection.EntityState;
import io.quarkus.narayana.jta.QuarkusTransaction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Ends an open conflict with the value an operator chose. When the entity does not hold that value already, it gets it
 * as a hub edit: a PMS-owned field refuses (409, change it in the PMS), a shared one is written back, and history
 * records the edit with the operator as actor. The conflict then keeps who resolved it, how and when.
 */
@ApplicationScoped
public class ConflictResolutions {
    private final HubEdits edits;

    ConflictResolutions(HubEdits edits) {
        this.edits = edits;
    }

    public Conflict resolve(UUID id, String org, ConflictResource.Resolution resolution, String actor) {
        String take = resolution == null || resolution.take() == null ? "" : resolution.take();
        Conflict conflict = QuarkusTransaction.requiringNew().call(() -> open(id, org));
        Object chosen = switch (take) {
            case "pms" -> {
                if (conflict.pmsValue == null) {
                    throw new BadRequestException(
                            "the PMS's value is not known for this conflict: take 'hub' or 'value'");
                }
                yield conflict.pmsValue;
            }
            case "hub" -> conflict.hubValue;
            case "value" -> {
                if (resolution.value() == null) {
                    throw new BadRequestException("field 'value' is required when 'take' is 'value'");
                }
                yield resolution.value();
            }
            default -> throw new BadRequestException("field 'take' must be 'pms', 'hub' or 'value'");
        };
        Object current = QuarkusTransaction.requiringNew().call(() -> {
            EntityState state = EntityState.findById(conflict.entityKey);
            return state == null ? null : state.data.get(conflict.field);
        });
        if (!Objects.equals(current, chosen)) {
            Map<String, Object> change = new HashMap<>();
            change.put(conflict.field, chosen);
            edits.edit(conflict.entityKey, org, change, actor);
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Conflict stored = open(id, org);
            stored.status = Conflict.RESOLVED;
            stored.resolution = take;
            stored.resolvedBy = actor;
            stored.resolvedAt = Instant.now();
            return stored;
        });
    }

    private static Conflict open(UUID id, String org) {
        Conflict conflict = Conflict.findById(id);
        if (conflict == null || !conflict.org.equals(org)) {
            throw new NotFoundException("no conflict '" + id + "'");
        }
        if (!Conflict.OPEN.equals(conflict.status)) {
            throw new ClientErrorException("conflict " + id + " is " + conflict.status + " already", 409);
        }
        return conflict;
    }
}
