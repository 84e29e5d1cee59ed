package com.pmsbridge.sync.projection;

import com.pmsbridge.contract.EntityType;
import com.pmsbridge.contract.event.ChangeEvent;
import com.pmsbridge.contract.event.Op;
import com.pmsbridge.sync.ownership.FieldPolicy;
import com.pmsbridge.sync.ownership.OwnershipDocument;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The evolve step's shared-field rules: a hub edit pending, then the PMS sends a value. */
class EvolveTest {
    private static final String HUB_EDIT = "2026-11-23T09:00:00Z";
    private static final String EARLIER = "2026-11-23T08:30:00Z";
    private static final String LATER = "2026-11-23T09:30:00Z";

    @Test
    void givenHubWins_whenThePmsSendsAnotherValue_thenTheHubKeepsItAndWritesItBackStillPending() {
        EntityState state = workOrderWithPendingHubStatus("IN_PROGRESS");

        Evolve.Outcome outcome = pmsSends(state, "hub-wins", "NEW", LATER);

        assertThat(state.data).containsEntry("status", "IN_PROGRESS");
        assertThat(outcome.writeBack()).containsExactly(Map.entry("status", "IN_PROGRESS"));
        assertThat(state.fieldVersions.get("status").pending()).isTrue();
        assertThat(outcome.conflicts())
                .singleElement()
                .satisfies(c -> assertThat(c.pmsWon()).isFalse());
    }

    @Test
    void givenPmsWins_whenThePmsSendsAnotherValue_thenItsValueIsTakenAndNothingIsWrittenBack() {
        EntityState state = workOrderWithPendingHubStatus("IN_PROGRESS");

        Evolve.Outcome outcome = pmsSends(state, "pms-wins", "NEW", EARLIER);

        assertThat(state.data).containsEntry("status", "NEW");
        assertThat(outcome.writeBack()).isEmpty();
        assertThat(outcome.changed()).containsExactly("status");
    }

    @Test
    void givenLatestWins_whenAnOlderAndThenANewerPmsValueArrive_thenTheHubWinsTheFirstAndThePmsTheSecond() {
        EntityState state = workOrderWithPendingHubStatus("IN_PROGRESS");

        assertThat(pmsSends(state, "latest-wins", "NEW", EARLIER).writeBack()).containsKey("status");
        assertThat(state.data).containsEntry("status", "IN_PROGRESS");
        pmsSends(state, "latest-wins", "COMPLETED", LATER);
        assertThat(state.data).containsEntry("status", "COMPLETED");
    }

    @Test
    void givenLatestWinsAndAPmsWithoutChangeTimes_whenItsReadShowsAnotherValue_thenTheHubsEditIsTheLatest() {
        EntityState state = workOrderWithPendingHubStatus("IN_PROGRESS");
        ChangeEvent read = change(Op.UPDATE, Map.of("status", "NEW"), LATER);
        ChangeEvent readOnly = new ChangeEvent(
                read.schemaVersion(),
                read.eventId(),
                read.org(),
                read.connectionId(),
                read.pmsType(),
                read.entityType(),
                read.externalId(),
                read.op(),
                read.sourceVersion(),
                read.pmsEventId(),
                read.occurredAt(),
                read.receivedAt(),
                read.data(),
                true);

        Evolve.Outcome outcome = Evolve.apply(state, readOnly, Source.PMS, policy("latest-wins"));

        assertThat(state.data).containsEntry("status", "IN_PROGRESS");
        assertThat(outcome.writeBack()).containsEntry("status", "IN_PROGRESS");
    }

    @Test
    void givenPreferPmsUnlessBlank_whenThePmsSendsABlank_thenTheValueHeldStaysWithAndWithoutAPendingEdit() {
        EntityState pending = workOrderWithPendingHubStatus("IN_PROGRESS");
        pmsSends(pending, "prefer-pms-unless-blank", "", LATER);
        assertThat(pending.data).containsEntry("status", "IN_PROGRESS");
        assertThat(pending.fieldVersions.get("status").pending()).isTrue();

        EntityState settled = workOrder(Map.of("status", "NEW"), EARLIER);
        Evolve.Outcome outcome = pmsSends(settled, "prefer-pms-unless-blank", " ", LATER);
        assertThat(settled.data).containsEntry("status", "NEW");
        assertThat(outcome.changed()).isEmpty();
        pmsSends(settled, "prefer-pms-unless-blank", "COMPLETED", "2026-11-23T10:00:00Z");
        assertThat(settled.data).containsEntry("status", "COMPLETED");
    }

    @Test
    void givenPreferPmsUnlessBlankAndAPmsValue_whenItConflicts_thenThePmsWins() {
        EntityState state = workOrderWithPendingHubStatus("IN_PROGRESS");

        pmsSends(state, "prefer-pms-unless-blank", "NEW", EARLIER);

        assertThat(state.data).containsEntry("status", "NEW");
    }

    @Test
    void givenPreferHubUnlessBlank_whenTheHubsValueIsBlank_thenThePmsWinsElseTheHub() {
        EntityState blankHub = workOrderWithPendingHubStatus("");
        pmsSends(blankHub, "prefer-hub-unless-blank", "NEW", LATER);
        assertThat(blankHub.data).containsEntry("status", "NEW");

        EntityState hub = workOrderWithPendingHubStatus("IN_PROGRESS");
        Evolve.Outcome outcome = pmsSends(hub, "prefer-hub-unless-blank", "NEW", LATER);
        assertThat(hub.data).containsEntry("status", "IN_PROGRESS");
        assertThat(outcome.writeBack()).containsEntry("status", "IN_PROGRESS");
    }

    @Test
    void givenThePmsEchoesTheHubsValue_whenApplied_thenConfirmedWithoutConflict() {
        EntityState state = workOrderWithPendingHubStatus("IN_PROGRESS");

        Evolve.Outcome outcome = pmsSends(state, "hub-wins", "IN_PROGRESS", LATER);

        assertThat(outcome.conflicts()).isEmpty();
        assertThat(state.fieldVersions.get("status").pending()).isFalse();
    }

    @Test
    void givenAHubOwnedField_whenThePmsSendsIt_thenIgnored() {
        EntityState state = workOrder(Map.of("status", "NEW"), EARLIER);
        Evolve.apply(state, hubEdit(Map.of("notes", "keys at the desk")), Source.HUB, policy("pms-wins"));

        pmsSends(state, "pms-wins", "NEW", LATER, Map.of("notes", "overwritten?"));

        assertThat(state.data).containsEntry("notes", "keys at the desk");
    }

    // ---------------------------------------------------------------------------------------------------------

    private static EntityState workOrderWithPendingHubStatus(String status) {
        EntityState state = workOrder(Map.of("status", "NEW"), EARLIER);
        Evolve.apply(state, hubEdit(Map.of("status", status)), Source.HUB, policy("pms-wins"));
        assertThat(state.fieldVersions.get("status").pending()).isTrue();
        return state;
    }

    private static EntityState workOrder(Map<String, Object> data, String version) {
        EntityState state = new EntityState();
        state.entityKey = "workorder:c-1:W-1";
        state.org = "acme";
        state.connectionId = "c-1";
        state.entityType = "workorder";
        state.externalId = "W-1";
        Evolve.apply(state, change(Op.UPDATE, data, version), Source.PMS, policy("pms-wins"));
        state.lastSeq++;
        return state;
    }

    private static Evolve.Outcome pmsSends(EntityState state, String rule, String status, String version) {
        return pmsSends(state, rule, status, version, Map.of());
    }

    private static Evolve.Outcome pmsSends(
            EntityState state, String rule, String status, String version, Map<String, Object> more) {
        Map<String, Object> data = new HashMap<>(more);
        data.put("status", status);
        Evolve.Outcome outcome = Evolve.apply(state, change(Op.UPDATE, data, version), Source.PMS, policy(rule));
        state.lastSeq++;
        return outcome;
    }

    private static FieldPolicy policy(String statusRule) {
        return new FieldPolicy(new OwnershipDocument(
                Map.of("workorder", new OwnershipDocument.Fields(List.of("notes"), List.of("status"))),
                Map.of("workorder.status", statusRule),
                "pms-wins"));
    }

    private static ChangeEvent hubEdit(Map<String, Object> data) {
        return new ChangeEvent(
                ChangeEvent.SCHEMA_VERSION,
                UUID.randomUUID().toString(),
                "acme",
                "c-1",
                "hub",
                EntityType.WORKORDER,
                "W-1",
                Op.UPDATE,
                HUB_EDIT,
                null,
                Instant.parse(HUB_EDIT),
                Instant.parse(HUB_EDIT),
                data);
    }

    private static ChangeEvent change(Op op, Map<String, Object> data, String version) {
        return new ChangeEvent(
                ChangeEvent.SCHEMA_VERSION,
                UUID.randomUUID().toString(),
                "acme",
                "c-1",
                "generic",
                EntityType.WORKORDER,
                "W-1",
                op,
                version,
                null,
                Instant.parse(version),
                Instant.parse(version),
                data);
    }
}
