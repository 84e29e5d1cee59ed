package com.pmsbridge.sync.lifecycle;

import com.pmsbridge.contract.EntityType;
import com.pmsbridge.contract.event.ChangeEvent;
import com.pmsbridge.contract.event.LifecycleEvent;
import com.pmsbridge.contract.event.LifecycleType;
import com.pmsbridge.contract.event.Op;
import com.pmsbridge.sync.projection.EntityState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The queue's news as the seeds describe it: one item per move-in, archiving when a lease ends, Sync finds. */
class LifecycleDeriverTest {
    private final LifecycleDeriver deriver = new LifecycleDeriver();

    @Test
    void givenALeaseBecomingCurrent_whenDerived_thenOneMoveInCarryingTheChangeAndTheResidents() {
        List<LifecycleEvent> events = leaseChange(Map.of("status", "FUTURE"), Map.of("status", "CURRENT"), "status");

        assertThat(events).extracting(LifecycleEvent::type).containsExactly(LifecycleType.MOVE_IN);
        assertThat(events.getFirst().before()).containsEntry("status", "FUTURE");
        assertThat(events.getFirst().after())
                .containsEntry("status", "CURRENT")
                .containsEntry("residentIds", List.of("R-1", "R-2"));
    }

    @Test
    void givenALeaseEndingWithoutAMoveOutDate_whenDerived_thenMoveOutAndArchivingButNoModification() {
        List<LifecycleEvent> events = leaseChange(Map.of("status", "CURRENT"), Map.of("status", "PAST"), "status");

        assertThat(events)
                .extracting(LifecycleEvent::type)
                .containsExactly(LifecycleType.MOVE_OUT, LifecycleType.LEASE_ARCHIVED);
    }

    @Test
    void givenALeaseEndingAfterItsMoveOutWasAnnounced_whenDerived_thenOnlyArchiving() {
        List<LifecycleEvent> events = leaseChange(
                Map.of("status", "CURRENT", "moveOutDate", "2026-11-30"),
                Map.of("status", "PAST", "moveOutDate", "2026-11-30"),
                "status");

        assertThat(events).extracting(LifecycleEvent::type).containsExactly(LifecycleType.LEASE_ARCHIVED);
    }

    @Test
    void givenARentChange_whenDerived_thenAModification() {
        List<LifecycleEvent> events = leaseChange(
                Map.of("status", "CURRENT", "rent", "1000"), Map.of("status", "CURRENT", "rent", "1100"), "rent");

        assertThat(events).extracting(LifecycleEvent::type).containsExactly(LifecycleType.LEASE_MODIFIED);
        assertThat(events.getFirst().after()).doesNotContainKey("residentIds");
    }

    @Test
    void givenASnapshotOfANewResident_whenDerivedBeforeAndAfterTheFirstSync_thenNothingThenAnItemFoundBySync() {
        EntityState resident = new EntityState();
        resident.entityKey = "resident:c-1:R-9";
        resident.data.putAll(Map.of("firstName", "Rosa", "email", "rosa@example.com"));
        ChangeEvent snapshot = change(EntityType.RESIDENT, "R-9", Op.SNAPSHOT);

        assertThat(deriver.derive(snapshot, false, Map.of(), resident, List.of("firstName", "email"), () -> false))
                .isEmpty();
        List<LifecycleEvent> later =
                deriver.derive(snapshot, false, Map.of(), resident, List.of("firstName", "email"), () -> true);
        assertThat(later).extracting(LifecycleEvent::type).containsExactly(LifecycleType.RESIDENT_CREATED);
        assertThat(later.getFirst().foundBySync()).isTrue();
    }

    @Test
    void givenAWebhookChange_whenDerived_thenNotMarkedFoundBySync() {
        assertThat(leaseChange(Map.of("status", "FUTURE"), Map.of("status", "CURRENT"), "status")
                        .getFirst()
                        .foundBySync())
                .isFalse();
    }

    private List<LifecycleEvent> leaseChange(Map<String, Object> before, Map<String, Object> after, String changed) {
        EntityState state = new EntityState();
        state.entityKey = "lease:c-1:L-1";
        state.data.putAll(after);
        state.data.put("unitId", "U-1");
        state.data.put("residentIds", List.of("R-1", "R-2"));
        Map<String, Object> old = new HashMap<>(before);
        old.put("unitId", "U-1");
        old.put("residentIds", List.of("R-1", "R-2"));
        return deriver.derive(change(EntityType.LEASE, "L-1", Op.UPDATE), true, old, state, List.of(changed), () -> {
            throw new AssertionError("asked only for a snapshot of an entity not seen before");
        });
    }

    private static ChangeEvent change(EntityType type, String id, Op op) {
        return new ChangeEvent(
                ChangeEvent.SCHEMA_VERSION,
                UUID.randomUUID().toString(),
                "acme",
                "c-1",
                "generic",
                type,
                id,
                op,
                "2026-11-23T08:00:00Z",
                null,
                Instant.parse("2026-11-23T08:00:00Z"),
                Instant.now(),
                Map.of());
    }
}
