package com.pmsbridge.sync.lifecycle;

import com.pmsbridge.contract.EntityType;
import com.pmsbridge.contract.event.ChangeEvent;
import com.pmsbridge.contract.event.LifecycleEvent;
import com.pmsbridge.contract.event.LifecycleType;
import com.pmsbridge.contract.event.Op;
import com.pmsbridge.testsupport.KafkaTestResource;
import com.pmsbridge.testsupport.PostgresTestResource;
import com.pmsbridge.testsupport.TestChanges;
import com.pmsbridge.testsupport.TestKafkaReader;
import com.pmsbridge.testsupport.TestKafkaWriter;
import com.pmsbridge.testsupport.TestOidcResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(TestOidcResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "sync_test"))
class MoveInIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static TestKafkaWriter writer;
    private static TestKafkaReader domainEvents;

    @Inject
    LeaseMilestones moveIns;

    @Inject
    EntityManager em;

    @BeforeAll
    static void open() {
        writer = new TestKafkaWriter();
        domainEvents = new TestKafkaReader("pms.domain-events.v1");
    }

    @AfterAll
    static void close() {
        writer.close();
        domainEvents.close();
    }

    @Test
    void givenFutureLeaseWhoseMoveInDateIsReached_whenChecked_thenOneMoveIn_andLaterStatusChangeAnnouncesNoSecond() {
        // given: a future lease moving in today, and one moving in tomorrow
        String today = lease("FUTURE", TODAY, "2026-11-23T08:00:00Z");
        String tomorrow = lease("FUTURE", TODAY.plusDays(1), "2026-11-23T08:00:00Z");
        awaitStored(today, 1);
        awaitStored(tomorrow, 1);

        // when
        moveIns.announceReached(LeaseMilestones.Milestone.MOVE_IN);
        moveIns.announceReached(LeaseMilestones.Milestone.MOVE_IN);

        // then: today's lease moves in once, with the reason; tomorrow's does not
        List<LifecycleEvent> events = await().atMost(TIMEOUT)
                .until(() -> lifecycle(today), list -> list.stream().anyMatch(e -> e.type() == LifecycleType.MOVE_IN));
        LifecycleEvent moveIn = events.stream()
                .filter(e -> e.type() == LifecycleType.MOVE_IN)
                .findFirst()
                .orElseThrow();
        assertThat(moveIn.after())
                .containsEntry("reason", "move-in date reached")
                .containsEntry("moveInDate", TODAY.toString());
        assertThat(lifecycle(tomorrow)).extracting(LifecycleEvent::type).doesNotContain(LifecycleType.MOVE_IN);

        // and when the PMS later marks the lease current, that is a modification, not a second move-in
        send(today.substring(today.lastIndexOf(':') + 1), "CURRENT", TODAY, "2026-11-23T12:00:00Z", Op.UPDATE);
        await().atMost(TIMEOUT)
                .until(
                        () -> lifecycle(today),
                        list -> list.stream().anyMatch(e -> e.type() == LifecycleType.LEASE_MODIFIED));
        assertThat(lifecycle(today)).extracting(LifecycleEvent::type).containsOnlyOnce(LifecycleType.MOVE_IN);
    }

    @Test
    void givenLeaseBecomingCurrentBeforeItsDate_whenDateCheckRuns_thenOnlyTheStatusMoveIn() {
        // given
        String key = lease("FUTURE", TODAY.plusDays(3), "2026-11-23T08:00:00Z");
        send(key.substring(key.lastIndexOf(':') + 1), "CURRENT", TODAY.minusDays(1), "2026-11-23T09:00:00Z", Op.UPDATE);
        await().atMost(TIMEOUT)
                .until(() -> lifecycle(key), list -> list.stream().anyMatch(e -> e.type() == LifecycleType.MOVE_IN));

        // when
        moveIns.announceReached(LeaseMilestones.Milestone.MOVE_IN);

        // then
        await().during(Duration.ofSeconds(1))
                .atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(lifecycle(key))
                        .extracting(LifecycleEvent::type)
                        .containsOnlyOnce(LifecycleType.MOVE_IN));
    }

    @Test
    void givenACurrentLeaseWhoseEndDateIsReached_whenChecked_thenArchivedOnce_andTheLaterPastStatusOnlyMovesOut() {
        String id = "L-" + UUID.randomUUID();
        String key = sendEnding(id, "CURRENT", TODAY, "2026-11-23T08:00:00Z", Op.CREATE);
        String notYet =
                sendEnding("L-" + UUID.randomUUID(), "CURRENT", TODAY.plusDays(1), "2026-11-23T08:00:00Z", Op.CREATE);
        awaitStored(key, 1);
        awaitStored(notYet, 1);

        moveIns.announceReached(LeaseMilestones.Milestone.LEASE_END);
        moveIns.announceReached(LeaseMilestones.Milestone.LEASE_END);

        LifecycleEvent archived = await()
                .atMost(TIMEOUT)
                .until(
                        () -> lifecycle(key),
                        list -> list.stream().anyMatch(e -> e.type() == LifecycleType.LEASE_ARCHIVED))
                .stream()
                .filter(e -> e.type() == LifecycleType.LEASE_ARCHIVED)
                .findFirst()
                .orElseThrow();
        assertThat(archived.after())
                .containsEntry("reason", "end date reached")
                .containsEntry("endDate", TODAY.toString())
                .containsEntry("residentIds", List.of("R-1"));
        assertThat(lifecycle(notYet)).extracting(LifecycleEvent::type).doesNotContain(LifecycleType.LEASE_ARCHIVED);

        // the PMS then marks it past: the move-out is news, the archiving was announced already
        sendEnding(id, "PAST", TODAY, "2026-11-23T12:00:00Z", Op.UPDATE);
        await().atMost(TIMEOUT)
                .until(() -> lifecycle(key), list -> list.stream().anyMatch(e -> e.type() == LifecycleType.MOVE_OUT));
        assertThat(lifecycle(key)).extracting(LifecycleEvent::type).containsOnlyOnce(LifecycleType.LEASE_ARCHIVED);
    }

    private static String sendEnding(String id, String status, LocalDate endDate, String version, Op op) {
        return send(id, status, version, op, Map.of("endDate", endDate.toString(), "residentIds", List.of("R-1")));
    }

    private static String lease(String status, LocalDate moveInDate, String version) {
        String id = "L-" + UUID.randomUUID();
        return send(id, status, moveInDate, version, Op.CREATE);
    }

    private static String send(String id, String status, LocalDate moveInDate, String version, Op op) {
        return send(id, status, version, op, Map.of("moveInDate", moveInDate.toString()));
    }

    private static String send(String id, String status, String version, Op op, Map<String, Object> more) {
        Map<String, Object> data = new LinkedHashMap<>(more);
        data.put("id", id);
        data.put("status", status);
        data.put("unitId", "U-1");
        data.put("propertyId", "P-1");
        ChangeEvent event = TestChanges.of("acme", "conn-movein", EntityType.LEASE, id, op, version, data);
        writer.send(event);
        return event.key().value();
    }

    private void awaitStored(String key, int events) {
        await().atMost(TIMEOUT)
                .until(() -> QuarkusTransaction.requiringNew()
                                .call(() -> ((Number) em.createNativeQuery(
                                                        "select count(*) from event_store where entity_key = ?1")
                                                .setParameter(1, key)
                                                .getSingleResult())
                                        .intValue())
                        >= events);
    }

    private static List<LifecycleEvent> lifecycle(String key) {
        return domainEvents.valuesWithKey(key, LifecycleEvent.class);
    }
}
