package com.pmsbridge.sync.projection;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StateCacheTest {
    @Test
    void givenACachedState_whenTheCopyIsChanged_thenTheCacheKeepsTheCommittedValues() {
        StateCache cache = new StateCache(() -> 10);
        EntityState committed = state("a", "41");
        cache.putAll(List.of(committed));
        committed.data.put("rent", "changed after the commit");

        EntityState copy = cache.copiesOf(List.of("a")).get("a");
        copy.data.put("rent", "changed by a batch that rolls back");

        assertThat(cache.copiesOf(List.of("a")).get("a").data).containsEntry("rent", "1000");
        assertThat(cache.copiesOf(List.of("a")).get("a").rowVersion).isEqualTo("41");
    }

    @Test
    void givenMoreStatesThanTheLimit_whenPut_thenTheLeastRecentlyUsedAreDropped() {
        StateCache cache = new StateCache(() -> 2);
        cache.putAll(List.of(state("a", "1"), state("b", "2")));
        cache.copiesOf(List.of("a")); // a used after b

        cache.putAll(List.of(state("c", "3")));

        assertThat(cache.copiesOf(List.of("a", "b", "c"))).containsOnlyKeys("a", "c");
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

        assertThat(cache.copiesOf(List.of("a"))).isEmpty();
    }

    @Test
    void givenCachedStates_whenEvictedOrCleared_thenTheyAreReadFromTheTableAgain() {
        StateCache cache = new StateCache(() -> 10);
        cache.putAll(List.of(state("a", "1"), state("b", "2"), state("c", "3")));

        cache.evict(List.of("a"));
        assertThat(cache.copiesOf(List.of("a", "b", "c"))).containsOnlyKeys("b", "c");

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
