package com.pmsbridge.sync.projection;

import com.pmsbridge.contract.event.ChangeEvent;
import com.pmsbridge.sync.conflict.SourceVersions;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The order-independent merge of PMS changes into an entity's state (no I/O, so it is unit-tested with random
 * permutations). Per field the newest version wins, ties broken by event id. A delete is a versioned tombstone: it
 * deletes the record when it is not older than every update seen (a delete wins a tie), and it always removes the
 * field values at or before its version, so a late, older update cannot bring them back. An update newer than the
 * tombstone brings the record back with only the values newer than the delete.
 */
public final class RecordMerger {

    /** Decides fields the merge does not handle itself (hub-owned, or shared with a pending hub edit). */
    public interface FieldGuard {
        /** The PMS does not set this field. */
        boolean ignored(String field);

        /** Handles the field (echo or conflict) and returns true, or returns false for the normal merge. */
        boolean resolvedElsewhere(String field, Object value, List<String> changed);
    }

    public static final FieldGuard NO_GUARD = new FieldGuard() {
        @Override
        public boolean ignored(String field) {
            return false;
        }

        @Override
        public boolean resolvedElsewhere(String field, Object value, List<String> changed) {
            return false;
        }
    };

    private RecordMerger() {}

    /** Returns true when the delete has no effect on whether the record exists (a newer update outlived it). */
    public static boolean delete(EntityState state, ChangeEvent event, List<String> changed) {
        String version = event.sourceVersion();
        if (state.deleteVersion == null || SourceVersions.compare(version, state.deleteVersion) > 0) {
            state.deleteVersion = version;
        }
        if (state.lastSeq > 0 && SourceVersions.isOlder(version, state.version)) {
            // the record lives on, but the values set at or before this delete are gone
            state.fieldVersions.entrySet().removeIf(field -> {
                boolean gone = SourceVersions.compare(field.getValue().version(), version) <= 0;
                if (gone) {
                    changed.add(field.getKey());
                    state.data.remove(field.getKey());
                }
                return gone;
            });
            return true;
        }
        if (!state.deleted) {
            changed.addAll(state.data.keySet());
        }
        state.deleted = true;
        state.version = max(state.version, version);
        return false;
    }

    /** Returns true when nothing of the change applies (every field older than what the state holds). */
    public static boolean upsert(
            EntityState state, ChangeEvent event, Source source, FieldGuard guard, List<String> changed) {
        String version = event.sourceVersion();
        if (state.deleted && state.lastSeq > 0 && SourceVersions.compare(version, state.version) <= 0) {
            return true;
        }
        if (state.deleted) {
            changed.addAll(state.data.keySet());
            state.data.clear();
            state.fieldVersions.clear();
            state.deleted = false;
        }
        boolean anyApplied = false;
        // one instance for every field this change sets: stored as one group (FieldVersions)
        EntityState.FieldVersion setBy = new EntityState.FieldVersion(version, source, false, event.eventId());
        for (Map.Entry<String, Object> field : event.data().entrySet()) {
            String name = field.getKey();
            if (guard.ignored(name)) {
                continue;
            }
            if (guard.resolvedElsewhere(name, field.getValue(), changed)) {
                anyApplied = true;
                continue;
            }
            if (state.deleteVersion != null && SourceVersions.compare(version, state.deleteVersion) <= 0) {
                continue;
            }
            EntityState.FieldVersion current = state.fieldVersions.get(name);
            if (current != null && !newer(version, event.eventId(), current)) {
                continue;
            }
            anyApplied = true;
            if (!state.data.containsKey(name) || !Objects.equals(state.data.get(name), field.getValue())) {
                if (!changed.contains(name)) {
                    changed.add(name);
                }
                state.data.put(name, field.getValue());
            }
            state.fieldVersions.put(name, setBy);
        }
        if (!anyApplied && state.lastSeq > 0) {
            return true;
        }
        state.version = state.lastSeq == 0 && state.version == null ? version : max(state.version, version);
        return false;
    }

    private static boolean newer(String version, String eventId, EntityState.FieldVersion current) {
        int byVersion = SourceVersions.compare(version, current.version());
        if (byVersion != 0) {
            return byVersion > 0;
        }
        return current.eventId() == null || eventId.compareTo(current.eventId()) > 0;
    }

    private static String max(String a, String b) {
        if (a == null) {
            return b;
        }
        return SourceVersions.compare(a, b) >= 0 ? a : b;
    }
}
