package com.pmsbridge.sync.outbox;

import com.pmsbridge.contract.ContractJson;
import com.pmsbridge.contract.EntityType;
import com.pmsbridge.contract.event.CurrentState;
import com.pmsbridge.contract.model.Lease;
import com.pmsbridge.contract.model.LeaseStatus;
import com.pmsbridge.sync.projection.EntityState;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The state topic's value is rendered by hand for speed; it must still be the contract's {@code CurrentState}. */
class OutboxStateRowTest {
    @Test
    void givenALeaseState_whenRenderedForItsStateTopic_thenItReadsAsTheContractsCurrentState() throws Exception {
        EntityState state = lease();
        state.data.putAll(Map.of("id", "L-1", "status", "CURRENT", "residentIds", List.of("R-1")));

        Outbox.Row row = Outbox.stateRow(state, ContractJson.mapper().writeValueAsString(state.data), null);

        assertThat(row.topic()).isEqualTo("pms.lease.state.v1");
        assertThat(row.key()).isEqualTo(state.entityKey);
        CurrentState decoded = ContractJson.mapper().readValue(row.payload(), CurrentState.class);
        assertThat(decoded)
                .extracting(CurrentState::entityKey, CurrentState::org, CurrentState::entityType, CurrentState::version)
                .containsExactly(state.entityKey, "acme", EntityType.LEASE, "2026-12-01T00:00:00Z");
        assertThat(decoded.entity()).isInstanceOfSatisfying(Lease.class, lease -> {
            assertThat(lease.status()).isEqualTo(LeaseStatus.CURRENT);
            assertThat(lease.residentIds()).containsExactly("R-1");
        });
    }

    @Test
    void givenADeletedState_whenRendered_thenItIsATombstone() {
        EntityState state = lease();
        state.deleted = true;

        assertThat(Outbox.stateRow(state, "{}", null).payload()).isNull();
    }

    private static EntityState lease() {
        EntityState state = new EntityState();
        state.entityKey = "lease:c-1:L-1";
        state.org = "acme";
        state.connectionId = "c-1";
        state.entityType = "lease";
        state.externalId = "L-1";
        state.version = "2026-12-01T00:00:00Z";
        state.lastSeq = 3;
        return state;
    }
}
