package com.pmsbridge.sync.lifecycle;

import com.pmsbridge.contract.event.LifecycleEvent;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A lease's move-in and its end are announced once, whether a change or the date said so first. */
public final class AnnouncedOnce {
    private AnnouncedOnce() {}

    /**
     * The events less the milestones announced already (claimed on the caller's transaction); a change whose only news
     * was announced already stays a change of the lease (a modification).
     */
    public static List<LifecycleEvent> filter(Connection connection, List<LifecycleEvent> lifecycle)
            throws SQLException {
        Map<LeaseMilestones.Milestone, Set<String>> claimed = new HashMap<>();
        for (LeaseMilestones.Milestone milestone : LeaseMilestones.Milestone.values()) {
            Set<String> leases = new LinkedHashSet<>();
            lifecycle.stream()
                    .filter(e -> LeaseMilestones.Milestone.of(e.type()) == milestone)
                    .forEach(e -> leases.add(e.entityKey()));
            if (!leases.isEmpty()) {
                claimed.put(milestone, LeaseMilestones.claim(connection, milestone, leases));
            }
        }
        if (claimed.isEmpty()) {
            return lifecycle;
        }
        List<LifecycleEvent> kept = new ArrayList<>(lifecycle.size());
        List<LifecycleEvent> dropped = new ArrayList<>();
        for (LifecycleEvent event : lifecycle) {
            LeaseMilestones.Milestone milestone = LeaseMilestones.Milestone.of(event.type());
            (milestone == null || claimed.get(milestone).remove(event.entityKey()) ? kept : dropped).add(event);
        }
        for (LifecycleEvent event : dropped) {
            boolean carried = kept.stream()
                    .anyMatch(other -> other.entityKey().equals(event.entityKey())
                            && other.causedBy().equals(event.causedBy()));
            if (!carried && !event.causedBy().isEmpty()) {
                kept.add(LifecycleDeriver.asModification(event));
            }
        }
        return kept;
    }
}
