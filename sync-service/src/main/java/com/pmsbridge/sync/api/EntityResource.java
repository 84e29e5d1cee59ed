package com.pmsbridge.sync.api;

import com.pmsbridge.contract.ContractJson;
import com.pmsbridge.service.persistence.SqlTimes;
import com.pmsbridge.service.security.CallerOrg;
import com.pmsbridge.sync.hubedit.HubEdits;
import com.pmsbridge.sync.ownership.OwnershipPolicy;
import com.pmsbridge.sync.projection.EntityState;
import com.pmsbridge.sync.projection.Source;
import org.eclipse.microprofile.openapi.annotations.Operation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An entity's current state (with each field's source and version), its history, and hub edits. */
@Path("/api/v1/entities/{entityKey}")
@Produces(MediaType.APPLICATION_JSON)
public class EntityResource {
    private static final int MAX_HISTORY_PAGE = 1000;
    private final CallerOrg caller;
    private final EntityManager em;
    private final HubEdits edits;
    private final OwnershipPolicy ownership;

    EntityResource(CallerOrg caller, EntityManager em, HubEdits edits, OwnershipPolicy ownership) {
        this.caller = caller;
        this.em = em;
        this.edits = edits;
        this.ownership = ownership;
    }

    /** @param owner who may change the field: PMS, HUB or SHARED (docs/sync-service.md) */
    public record FieldView(Object value, Source source, String owner, String version, boolean pendingWriteBack) {}

    public record EntityView(
            String entityKey,
            String entityType,
            String org,
            String connectionId,
            String externalId,
            boolean deleted,
            String version,
            Map<String, FieldView> fields,
            Instant updatedAt) {}

    /**
     * @param values the changed fields' new values, as the change carried them
     * @param actor  who made the change: the person for a hub edit, the PMS kind for a PMS change
     */
    public record HistoryEntry(
            int seq,
            String eventId,
            String source,
            String actor,
            String op,
            String version,
            List<String> changedFields,
            Map<String, Object> values,
            boolean applied,
            Instant occurredAt,
            Instant receivedAt) {}

    public record Edit(Map<String, Object> fields) {}

    @GET
    @RolesAllowed({"viewer", "operator", "admin"})
    @Transactional
    @Operation(summary = "An entity's current state, with the source and version of every field")
    public EntityView get(@PathParam("entityKey") String entityKey) {
        EntityState state = owned(entityKey);
        Map<String, FieldView> fields = new LinkedHashMap<>();
        state.data.forEach((name, value) -> {
            EntityState.FieldVersion version = state.fieldVersions.get(name);
            fields.put(
                    name,
                    new FieldView(
                            value,
                            version == null ? null : version.source(),
                            ownership.owner(state, name).name(),
                            version == null ? null : version.version(),
                            version != null && version.pending()));
        });
        return new EntityView(
                state.entityKey,
                state.entityType,
                state.org,
                state.connectionId,
                state.externalId,
                state.deleted,
                state.version,
                fields,
                state.updatedAt);
    }

    @GET
    @Path("history")
    @RolesAllowed({"viewer", "operator", "admin"})
    @Transactional
    @Operation(
            summary = "The timeline of changes applied to an entity: which system or person, when, which fields to what"
                    + " values; paged by"
                    + " afterSeq (the last seq of the previous page) and limit (1-1000, default 100)")
    public List<HistoryEntry> history(
            @PathParam("entityKey") String entityKey,
            @QueryParam("afterSeq") @DefaultValue("0") int afterSeq,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > MAX_HISTORY_PAGE) {
            throw new BadRequestException("query parameter 'limit' must be 1-" + MAX_HISTORY_PAGE);
        }
        owned(entityKey);
        List<HistoryEntry> entries = new ArrayList<>();
        for (Object row : em.createNativeQuery("""
                        select e.entity_seq, e.event_id, e.source, e.op, e.source_version,
                               cast(e.changed_fields as text), e.applied, e.occurred_at, e.received_at,
                               coalesce(a.actor, e.payload ->> 'pmsType'), cast(e.payload -> 'data' as text)
                        from event_store e left join edit_actors a on a.event_id = e.event_id
                        where e.entity_key = ?1 and e.entity_seq > ?2 order by e.entity_seq limit ?3""")
                .setParameter(1, entityKey)
                .setParameter(2, afterSeq)
                .setParameter(3, limit)
                .getResultList()) {
            Object[] r = (Object[]) row;
            List<String> changed = fields((String) r[5]);
            entries.add(new HistoryEntry(
                    ((Number) r[0]).intValue(),
                    (String) r[1],
                    (String) r[2],
                    (String) r[9],
                    String.valueOf(r[3]),
                    (String) r[4],
                    changed,
                    values((String) r[10], changed),
                    (Boolean) r[6],
                    SqlTimes.toInstant(r[7]),
                    SqlTimes.toInstant(r[8])));
        }
        return entries;
    }

    @PATCH
    @RolesAllowed({"operator", "admin"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Edit hub-owned and shared fields; a PMS-owned field is refused with 409")
    public EntityView edit(@PathParam("entityKey") String entityKey, Edit edit) {
        if (edit == null || edit.fields() == null || edit.fields().isEmpty()) {
            throw new BadRequestException("field 'fields' must name at least one field to change");
        }
        edits.edit(entityKey, caller.value(), edit.fields(), caller.actor());
        return get(entityKey);
    }

    private EntityState owned(String entityKey) {
        EntityState state = EntityState.findById(entityKey);
        if (state == null || !state.org.equals(caller.value())) {
            throw new NotFoundException("no entity '" + entityKey + "'");
        }
        return state;
    }

    /** The changed fields' values out of the change's full record (a delete has none). */
    private static Map<String, Object> values(String data, List<String> changed) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (data == null) {
            return values;
        }
        try {
            Map<?, ?> all = ContractJson.mapper().readValue(data, Map.class);
            changed.forEach(field -> values.put(field, all.get(field)));
        } catch (IOException e) {
            // the record was accepted as JSON; an unreadable one shows its fields without values
        }
        return values;
    }

    private static List<String> fields(String json) {
        try {
            return List.of(ContractJson.mapper().readValue(json, String[].class));
        } catch (IOException e) {
            return List.of();
        }
    }
}
