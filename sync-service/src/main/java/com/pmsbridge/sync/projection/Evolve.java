package com.pmsbridge.sync.projection;

import com.pmsbridge.contract.event.ChangeEvent;
import com.pmsbridge.contract.event.Op;
import com.pmsbridge.sync.conflict.ConflictRule;
import com.pmsbridge.sync.conflict.SourceVersions;
import com.pmsbridge.sync.ownership.FieldPolicy;
import com.pmsbridge.sync.ownership.Owner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one step that turns a change into state, for the live projection and the rebuild alike, so the two cannot
 * differ: a delete, a hub edit, or a PMS change merged field by field under the connection's ownership and rules.
 * No I/O: what else the step caused (conflicts to record, hub values to write back) is returned for the caller.
 */
public final class Evolve {
    private Evolve() {}

    /** Both sides changed a shared field; the rule chose {@code pmsWon}. */
    public record SharedConflict(
            String field,
            Object hubValue,
            String hubVersion,
            Object pmsValue,
            String pmsVersion,
            ConflictRule rule,
            boolean pmsWon) {}

    /**
     * @param stale      nothing of the change applied (older than what the state holds)
     * @param changed    the fields whose value changed
     * @param conflicts  shared-field conflicts the change met
     * @param writeBack  hub values that won a conflict and go back to the PMS (their fields stay pending)
     */
    public record Outcome(
            boolean stale, List<String> changed, List<SharedConflict> conflicts, Map<String, Object> writeBack) {}

    public static Outcome apply(EntityState state, ChangeEvent event, Source source, FieldPolicy policy) {
        List<String> changed = new ArrayList<>();
        if (event.op() == Op.DELETE) {
            return new Outcome(RecordMerger.delete(state, event, changed), changed, List.of(), Map.of());
        }
        if (source == Source.HUB) {
            hubEdit(state, event, policy, changed);
            return new Outcome(false, changed, List.of(), Map.of());
        }
        List<SharedConflict> conflicts = new ArrayList<>();
        Map<String, Object> writeBack = new LinkedHashMap<>();
        boolean stale = RecordMerger.upsert(
                state,
                event,
                source,
                new RecordMerger.FieldGuard() {
                    @Override
                    public boolean ignored(String field) {
                        return policy.owner(state.entityType, field) == Owner.HUB; // the PMS does not set hub fields
                    }

                    @Override
                    public boolean resolvedElsewhere(String field, Object value, List<String> fieldsChanged) {
                        return shared(state, event, field, value, policy, fieldsChanged, conflicts, writeBack);
                    }
                },
                changed);
        return new Outcome(stale, changed, conflicts, writeBack);
    }

    /** Hub-owned fields are set; shared ones too, pending until the PMS confirms the write-back. */
    private static void hubEdit(EntityState state, ChangeEvent event, FieldPolicy policy, List<String> changed) {
        for (Map.Entry<String, Object> field : event.data().entrySet()) {
            boolean shared = policy.owner(state.entityType, field.getKey()) == Owner.SHARED;
            if (!Objects.equals(state.data.get(field.getKey()), field.getValue())) {
                changed.add(field.getKey());
                state.data.put(field.getKey(), field.getValue());
            }
            state.fieldVersions.put(
                    field.getKey(), new EntityState.FieldVersion(event.sourceVersion(), Source.HUB, shared));
        }
    }

    /**
     * A PMS value for a shared field. With the hub's edit pending, the same value is the echo of the write-back
     * (confirmed) and another one a conflict decided by the field's rule; without one, the normal merge applies,
     * except that under prefer-pms-unless-blank a blank value does not replace one held. True when handled here.
     */
    private static boolean shared(
            EntityState state,
            ChangeEvent event,
            String field,
            Object pmsValue,
            FieldPolicy policy,
            List<String> changed,
            List<SharedConflict> conflicts,
            Map<String, Object> writeBack) {
        if (policy.owner(state.entityType, field) != Owner.SHARED) {
            return false;
        }
        ConflictRule rule = policy.rule(state.entityType, field);
        EntityState.FieldVersion current = state.fieldVersions.get(field);
        Object held = state.data.get(field);
        if (current == null || current.source() != Source.HUB || !current.pending()) {
            boolean newer = current == null || SourceVersions.compare(event.sourceVersion(), current.version()) > 0;
            return rule == ConflictRule.PREFER_PMS_UNLESS_BLANK
                    && newer
                    && ConflictRule.blank(pmsValue)
                    && !ConflictRule.blank(held);
        }
        if (Objects.equals(held, pmsValue)) {
            state.fieldVersions.put(field, new EntityState.FieldVersion(current.version(), Source.HUB, false));
            return true;
        }
        // a read time cannot show that the PMS changed the field after the hub's edit: then the edit is the latest
        boolean pmsIsNewer =
                !event.versionIsReadTime() && !SourceVersions.isOlder(event.sourceVersion(), current.version());
        boolean pmsWins = rule.pmsWins(pmsValue, held, pmsIsNewer);
        conflicts.add(
                new SharedConflict(field, held, current.version(), pmsValue, event.sourceVersion(), rule, pmsWins));
        if (pmsWins) {
            changed.add(field);
            state.data.put(field, pmsValue);
            state.fieldVersions.put(field, new EntityState.FieldVersion(event.sourceVersion(), Source.PMS, false));
        } else {
            // the hub's value stays and goes back to the PMS; pending until the PMS echoes it
            state.fieldVersions.put(field, new EntityState.FieldVersion(current.version(), Source.HUB, true));
            writeBack.put(field, held);
        }
        return true;
    }
}
