package com.pmsbridge.sync.projection;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StateCacheTest {
    @Test
    void givenACachedState_whenTaken_thenOthersMissItUntilItIsPutBack() {
        StateCache cache = new StateCache(() -> 10);
        EntityState committed = state("a", "41");
        cache.putAll(List.of(committed));

        EntityState taken = cache.takeAll(List.of("a")).get("a");

        assertThat(taken).isSameAs(committed);
        assertThat(cache.takeAll(List.of("a"))).isEmpty(); // a concurrent batch reads it from the table
        taken.rowVersion = "42";
        cache.putAll(List.of(taken)); // after the batch's commit
        assertThat(cache.takeAll(List.of("a")).get("a").rowVersion).isEqualTo("42");
    }

    @Test
    void givenATakenState_whenItsBatchRollsBack_thenTheHalfProjectedStateIsNotCached() {
        StateCache cache = new StateCache(() -> 10);
        cache.putAll(List.of(state("a", "41")));

        EntityState taken = cache.takeAll(List.of("a")).get("a");
        taken.data.put("rent", "changed by a batch that rolls back");
        cache.evict(List.of("a")); // the rollback puts nothing back

        assertThat(cache.takeAll(List.of("a"))).isEmpty();
    }

    @Test
    void givenMoreStatesThanTheLimit_whenPut_thenTheLeastRecentlyPutAreDropped() {
        StateCache cache = new StateCache(() -> 2);
        cache.putAll(List.of(state("a", "1"), state("b", "2")));
        cache.putAll(cache.takeAll(List.of("a")).values()); // a written again after b

        cache.putAll(List.of(state("c", "3")));

        assertThat(cache.takeAll(List.of("a", "b", "c"))).containsOnlyKeys("a", "c");
    }

    @Test
    void givenAStateWithoutRowVersion_whenPut_thenItIsNotCached() {
        StateCache cache = new StateCache(() -> 10);

        cache.putAll(List.of(state("a", null)));

        assertThat(cache.size()).isZero();
    }

    @Test
    void givenALimitOfZero_whenPut_thenNothingIsCached() {
        StateCache cache = new StateCache(() -> 0);

        cache.putAll(List.of(state("a", "1")));

        assertThat(cache.takeAll(List.of("a"))).isEmpty();
    }

    @Test
    void givenCachedStates_whenEvictedOrCleared_thenTheyAreReadFromTheTableAgain() {
        StateCache cache = new StateCache(() -> 10);
        cache.putAll(List.of(state("a", "1"), state("b", "2"), state("c", "3")));

        cache.evict(List.of("a"));
        assertThat(cache.takeAll(List.of("a", "b", "c"))).containsOnlyKeys("b", "c");

        cache.putAll(List.of(state("d", "4")));
        cache.clear();
        assertThat(cache.size()).isZero();
    }

    private static EntityState state(String key, String rowVersion) {
        EntityState state = new EntityState();
        state.entityKey = key;
        state.data.put("rent", "1000");
        state.rowVersion = rowVersion;
        return state;
    }
}
