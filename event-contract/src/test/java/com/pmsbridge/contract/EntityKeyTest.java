package com.pmsbridge.contract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntityKeyTest {

    @Test
    void givenKey_whenFormattedAndParsed_thenRoundTrips() {
        EntityKey key = new EntityKey(EntityType.LEASE, "demo-generic", "L:100");

        EntityKey parsed = EntityKey.parse(key.value());

        assertThat(key.value()).isEqualTo("lease:demo-generic:L:100");
        assertThat(parsed).isEqualTo(key);
    }

    @Test
    void givenBlankExternalId_whenCreated_thenRejected() {
        assertThatThrownBy(() -> new EntityKey(EntityType.UNIT, "c1", " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("externalId");
    }

    @Test
    void givenContract_whenListingTopics_thenStateTopicsAreCompactedAndNamesFollowConvention() {
        assertThat(Topics.all()).contains("pms.lease.changes.v1", "pms.workorder.state.v1", "pms.dlq.v1");
        assertThat(Topics.isCompacted(Topics.state(EntityType.RESIDENT))).isTrue();
        assertThat(Topics.isCompacted(Topics.changes(EntityType.RESIDENT))).isFalse();
    }
}
