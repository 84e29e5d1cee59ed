package com.pmsbridge.sync.projection;

import com.pmsbridge.contract.EntityType;
import com.pmsbridge.contract.event.ChangeEvent;
import com.pmsbridge.contract.event.Op;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RecordMergerTest {
    private static final List<String> FIELDS = List.of("status", "rent", "endDate", "unitId");

    @Test
    void givenDeleteThenStaleUpdate_whenMerged_thenStaysDeleted() {
        EntityState state = apply(List.of(update(1, Map.of("rent", "1")), delete(3), update(2, Map.of("rent", "2"))));

        assertThat(state.deleted).isTrue();
        assertThat(state.version).isEqualTo(version(3));
    }

    @Test
    void givenDeleteThenNewerCreate_whenMerged_thenBackWithOnlyTheNewerValues() {
        EntityState state = apply(List.of(
                update(1, Map.of("rent", "1", "status", "FUTURE")), delete(3), update(4, Map.of("status", "CURRENT"))));

        assertThat(state.deleted).isFalse();
        assertThat(state.data).containsExactly(Map.entry("status", "CURRENT"));
    }

    /**
     * Property: the same set of events, delivered in any order and with duplicates, converges to one state. The
     * event store drops a redelivered event id before the merge, as in production.
     */
    @RepeatedTest(200)
    void givenRandomEventSet_whenMergedInAnyOrderWithDuplicates_thenSameState() {
        Random random = new Random();
        List<ChangeEvent> events = new ArrayList<>();
        int count = 2 + random.nextInt(8);
        for (int i = 0; i < count; i++) {
            int version = 1 + random.nextInt(6); // collisions on purpose: ties must resolve deterministically
            if (random.nextInt(5) == 0) {
                events.add(delete(version));
            } else {
                Map<String, Object> data = new LinkedHashMap<>();
                for (String field : FIELDS) {
                    if (random.nextBoolean()) {
                        data.put(field, field + "-" + random.nextInt(3));
                    }
                }
                if (data.isEmpty()) {
                    data.put("status", "S-" + random.nextInt(3));
                }
                events.add(update(version, data));
            }
        }
        EntityState reference = apply(events);
        for (int permutation = 0; permutation < 20; permutation++) {
            List<ChangeEvent> shuffled = new ArrayList<>(events);
            for (int d = random.nextInt(3); d > 0; d--) {
                shuffled.add(events.get(random.nextInt(events.size())));
            }
            Collections.shuffle(shuffled, random);
            EntityState other = apply(shuffled);
            assertThat(other.deleted)
                    .as("deleted, events %s in order %s", events, shuffled)
                    .isEqualTo(reference.deleted);
            assertThat(other.version).isEqualTo(reference.version);
            if (!reference.deleted) {
                assertThat(other.data)
                        .as("data, events %s in order %s", events, shuffled)
                        .isEqualTo(reference.data);
            }
        }
    }

    private static EntityState apply(List<ChangeEvent> events) {
        EntityState state = new EntityState();
        Set<String> seen = new HashSet<>();
        for (ChangeEvent event : events) {
            if (!seen.add(event.eventId())) {
                continue;
            }
            List<String> changed = new ArrayList<>();
            if (event.op() == Op.DELETE) {
                RecordMerger.delete(state, event, changed);
            } else {
                RecordMerger.upsert(state, event, Source.PMS, RecordMerger.NO_GUARD, changed);
            }
            state.lastSeq++;
        }
        return state;
    }

    private static int ids;

    private static ChangeEvent update(int version, Map<String, Object> data) {
        return event(Op.UPDATE, version, new LinkedHashMap<>(data));
    }

    private static ChangeEvent delete(int version) {
        return event(Op.DELETE, version, Map.of());
    }

    private static ChangeEvent event(Op op, int version, Map<String, Object> data) {
        return new ChangeEvent(
                1,
                "e-" + (++ids),
                "acme",
                "c",
                "generic",
                EntityType.LEASE,
                "L-1",
                op,
                version(version),
                null,
                Instant.parse(version(version)),
                Instant.now(),
                data);
    }

    private static String version(int minute) {
        return "2026-11-23T08:%02d:00Z".formatted(minute);
    }
}
