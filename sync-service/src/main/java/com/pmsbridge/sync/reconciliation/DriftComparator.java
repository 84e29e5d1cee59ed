package com.pmsbridge.sync.reconciliation;

import com.pmsbridge.sync.conflict.SourceVersions;
import com.pmsbridge.sync.ownership.Owner;
import com.pmsbridge.sync.projection.EntityState;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * Compares a PMS snapshot (the records one Sync read) with the hub's state of the same connection and entity types.
 * Pure: no I/O, so every rule is unit-tested.
 * <ul>
 *   <li>missing in hub: the PMS has the record, the hub has none or a deleted one;</li>
 *   <li>missing in PMS: the hub has a live record the snapshot does not contain, and the hub did not learn about it
 *   after the Sync started (a record created meanwhile may simply have been created after its page was read);</li>
 *   <li>field difference: a field the PMS owns or shares has another value in the hub, although the hub's value is
 *   not newer than the snapshot's record (newer hub values are changes made after the read, not drift); hub-owned
 *   fields and hub edits still waiting for the PMS's confirmation are not drift.</li>
 * </ul>
 */
public final class DriftComparator {

    /** One record of the snapshot: its PMS version and canonical data. */
    public record SnapshotRecord(String entityType, String version, Map<String, Object> data) {}

    public record Drift(String entityKey, String entityType, Kind kind, List<String> fields) {}

    public enum Kind {
        MISSING_IN_HUB,
        MISSING_IN_PMS,
        FIELD_DIFFERENCE
    }

    private final BiFunction<EntityState, String, Owner> owner;

    /** @param owner the owner of a field: (entity, field) → owner */
    public DriftComparator(BiFunction<EntityState, String, Owner> owner) {
        this.owner = owner;
    }

    /**
     * Drift sorted by entity key (the same input gives the same report).
     *
     * @param hub the hub's states of the connection and entity types the Sync read, with {@code updatedAt}
     */
    public List<Drift> compare(
            Map<String, SnapshotRecord> snapshot, Map<String, EntityState> hub, Instant syncStartedAt) {
        List<Drift> drift = new ArrayList<>();
        Map<String, SnapshotRecord> pms = new TreeMap<>(snapshot);
        for (Map.Entry<String, SnapshotRecord> entry : pms.entrySet()) {
            EntityState known = hub.get(entry.getKey());
            SnapshotRecord record = entry.getValue();
            if (known == null || known.deleted) {
                drift.add(new Drift(entry.getKey(), record.entityType(), Kind.MISSING_IN_HUB, List.of()));
                continue;
            }
            List<String> fields = differingFields(known, record);
            if (!fields.isEmpty()) {
                drift.add(new Drift(entry.getKey(), record.entityType(), Kind.FIELD_DIFFERENCE, fields));
            }
        }
        for (Map.Entry<String, EntityState> entry : new TreeMap<>(hub).entrySet()) {
            EntityState state = entry.getValue();
            if (!state.deleted && !pms.containsKey(entry.getKey()) && state.updatedAt.isBefore(syncStartedAt)) {
                drift.add(new Drift(entry.getKey(), state.entityType, Kind.MISSING_IN_PMS, List.of()));
            }
        }
        drift.sort(Comparator.comparing(Drift::entityKey).thenComparing(Drift::kind));
        return drift;
    }

    private List<String> differingFields(EntityState state, SnapshotRecord record) {
        List<String> fields = new ArrayList<>();
        for (Map.Entry<String, Object> field : new TreeMap<>(record.data()).entrySet()) {
            String name = field.getKey();
            if (owner.apply(state, name) == Owner.HUB) {
                continue;
            }
            EntityState.FieldVersion version = state.fieldVersions.get(name);
            if (version != null && (version.pending() || SourceVersions.isOlder(record.version(), version.version()))) {
                continue; // a hub edit on its way to the PMS, or a change newer than the read
            }
            if (!Objects.equals(normalise(state.data.get(name)), normalise(field.getValue()))) {
                fields.add(name);
            }
        }
        return fields;
    }

    /** JSON numbers may come back as Integer or Long, Double or BigDecimal: compare them by value. */
    private static Object normalise(Object value) {
        return value instanceof Number number ? new BigDecimal(number.toString()).stripTrailingZeros() : value;
    }
}
