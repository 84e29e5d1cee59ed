package com.pmsbridge.sync.reconciliation;

import com.pmsbridge.sync.ownership.Owner;
import com.pmsbridge.sync.projection.EntityState;
import com.pmsbridge.sync.projection.Source;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DriftComparatorTest {
    private static final Instant SYNC_STARTED = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant BEFORE_SYNC = SYNC_STARTED.minusSeconds(3600);
    private final DriftComparator comparator = new DriftComparator((type, field) -> switch (field) {
        case "tags" -> Owner.HUB;
        case "email" -> Owner.SHARED;
        default -> Owner.PMS;
    });

    @Test
    void givenRecordOnlyInSnapshot_whenCompared_thenMissingInHub() {
        List<DriftComparator.Drift> drift =
                comparator.compare(Map.of("resident:c:1", snapshot("v1", Map.of("name", "A"))), Map.of(), SYNC_STARTED);

        assertThat(drift)
                .containsExactly(new DriftComparator.Drift(
                        "resident:c:1", "resident", DriftComparator.Kind.MISSING_IN_HUB, List.of()));
    }

    @Test
    void givenRecordDeletedInHubButInSnapshot_whenCompared_thenMissingInHub() {
        EntityState deleted = state("resident:c:1", "v1", Map.of("name", "A"), BEFORE_SYNC);
        deleted.deleted = true;

        assertThat(comparator.compare(
                        Map.of("resident:c:1", snapshot("v1", Map.of("name", "A"))),
                        Map.of("resident:c:1", deleted),
                        SYNC_STARTED))
                .extracting(DriftComparator.Drift::kind)
                .containsExactly(DriftComparator.Kind.MISSING_IN_HUB);
    }

    @Test
    void givenLiveHubRecordAbsentFromSnapshot_whenCompared_thenMissingInPms() {
        Map<String, EntityState> hub =
                Map.of("resident:c:2", state("resident:c:2", "v1", Map.of("name", "B"), BEFORE_SYNC));

        assertThat(comparator.compare(Map.of(), hub, SYNC_STARTED))
                .containsExactly(new DriftComparator.Drift(
                        "resident:c:2", "resident", DriftComparator.Kind.MISSING_IN_PMS, List.of()));
    }

    @Test
    void givenHubRecordChangedAfterSyncStarted_whenAbsentFromSnapshot_thenNotDrift() {
        // created by a webhook while the Sync was paging: its page may have been read before it existed
        Map<String, EntityState> hub =
                Map.of("resident:c:3", state("resident:c:3", "v1", Map.of("name", "C"), SYNC_STARTED.plusSeconds(5)));

        assertThat(comparator.compare(Map.of(), hub, SYNC_STARTED)).isEmpty();
    }

    @Test
    void givenDifferentPmsFieldNotNewerInHub_whenCompared_thenFieldDifference() {
        EntityState hub =
                state("resident:c:4", "2026-11-23T08:00:00Z", Map.of("name", "Old", "phone", "1"), BEFORE_SYNC);

        List<DriftComparator.Drift> drift = comparator.compare(
                Map.of("resident:c:4", snapshot("2026-11-23T09:00:00Z", Map.of("name", "New", "phone", "1"))),
                Map.of("resident:c:4", hub),
                SYNC_STARTED);

        assertThat(drift)
                .containsExactly(new DriftComparator.Drift(
                        "resident:c:4", "resident", DriftComparator.Kind.FIELD_DIFFERENCE, List.of("name")));
    }

    @Test
    void givenHubValueNewerThanSnapshot_whenCompared_thenNotDrift() {
        EntityState hub = state("resident:c:5", "2026-11-23T11:00:00Z", Map.of("name", "Newer"), BEFORE_SYNC);

        assertThat(comparator.compare(
                        Map.of("resident:c:5", snapshot("2026-11-23T09:00:00Z", Map.of("name", "Older"))),
                        Map.of("resident:c:5", hub),
                        SYNC_STARTED))
                .isEmpty();
    }

    @Test
    void givenHubOwnedFieldOrPendingHubEdit_whenDifferent_thenNotDrift() {
        EntityState hub = state(
                "resident:c:6",
                "2026-11-23T08:00:00Z",
                Map.of("tags", List.of("vip"), "email", "new@example.test"),
                BEFORE_SYNC);
        hub.fieldVersions.put("email", new EntityState.FieldVersion("hlc-1", Source.HUB, true));

        assertThat(comparator.compare(
                        Map.of(
                                "resident:c:6",
                                snapshot(
                                        "2026-11-23T09:00:00Z",
                                        Map.of("tags", List.of(), "email", "old@example.test"))),
                        Map.of("resident:c:6", hub),
                        SYNC_STARTED))
                .isEmpty();
    }

    @Test
    void givenSameNumberInAnotherJavaType_whenCompared_thenNotDrift() {
        EntityState hub = state("unit:c:7", "v1", Map.of("bedrooms", 2), BEFORE_SYNC);

        assertThat(comparator.compare(
                        Map.of("unit:c:7", new DriftComparator.SnapshotRecord("unit", "v1", Map.of("bedrooms", 2.0))),
                        Map.of("unit:c:7", hub),
                        SYNC_STARTED))
                .isEmpty();
    }

    private static DriftComparator.SnapshotRecord snapshot(String version, Map<String, Object> data) {
        return new DriftComparator.SnapshotRecord("resident", version, data);
    }

    private static EntityState state(String key, String version, Map<String, Object> data, Instant updatedAt) {
        EntityState state = new EntityState();
        state.entityKey = key;
        state.entityType = key.substring(0, key.indexOf(':'));
        state.data = new LinkedHashMap<>(data);
        state.version = version;
        state.lastSeq = 1;
        state.updatedAt = updatedAt;
        data.keySet()
                .forEach(field -> state.fieldVersions.put(field, new EntityState.FieldVersion(version, Source.PMS)));
        return state;
    }
}
