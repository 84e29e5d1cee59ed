package com.pmsbridge.sync.lifecycle;

import com.pmsbridge.contract.EntityType;
import com.pmsbridge.contract.event.LifecycleEvent;
import com.pmsbridge.contract.event.LifecycleType;
import com.pmsbridge.sync.outbox.Outbox;
import com.pmsbridge.sync.outbox.OutboxRelay;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import org.hibernate.Session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A lease's move-in is announced once: when its status becomes current (derived from the change) or when its
 * move-in date is reached while the PMS still shows it as future, whichever comes first. A date that was already
 * reached when the hub first saw the lease is a fact from before the first sync and is not announced.
 */
@ApplicationScoped
public class MoveIns {
    static final String CAUSE_STATUS = "status";
    static final String CAUSE_DATE = "date";

    private final EntityManager em;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final MoveInConfig config;

    MoveIns(EntityManager em, Outbox outbox, OutboxRelay relay, MoveInConfig config) {
        this.em = em;
        this.outbox = outbox;
        this.relay = relay;
        this.config = config;
    }

    /**
     * Claims the move-in announcement of these leases for a status change, on the caller's transaction's
     * connection; returns the leases whose move-in was not announced before (a set the caller may change).
     */
    public static Set<String> claim(Connection connection, Collection<String> leaseKeys) throws SQLException {
        return claim(connection, leaseKeys, CAUSE_STATUS);
    }

    /** One statement for any number of leases: the first claim of a lease wins, whatever its cause. */
    private static Set<String> claim(Connection connection, Collection<String> leaseKeys, String cause)
            throws SQLException {
        Set<String> claimed = new HashSet<>();
        if (leaseKeys.isEmpty()) {
            return claimed;
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into move_in_announced (entity_key, cause) select unnest(?::varchar[]), ?
                on conflict (entity_key) do nothing returning entity_key""")) {
            insert.setArray(1, connection.createArrayOf("varchar", leaseKeys.toArray()));
            insert.setString(2, cause);
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    claimed.add(rows.getString(1));
                }
            }
        }
        return claimed;
    }

    @Scheduled(
            every = "${sync.move-in.check-interval}",
            delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class) // not while shutting down
    void scheduled() {
        announceReachedMoveInDates();
    }

    /** Announces MOVE_IN for every lease whose move-in date is reached today or earlier; returns how many. */
    @SuppressWarnings("unchecked")
    public int announceReachedMoveInDates() {
        LocalDate today = LocalDate.now(config.zone());
        int announced = QuarkusTransaction.requiringNew().call(() -> {
            List<Object[]> due = em.createNativeQuery("""
                            with due as (
                                select s.entity_key, s.org, s.connection_id, s.data ->> 'propertyId', s.data ->> 'unitId',
                                       s.data ->> 'moveInDate'
                                from entity_state s
                                where s.entity_type = 'lease' and not s.deleted
                                  and s.data ->> 'moveInDate' ~ '^\\d{4}-\\d{2}-\\d{2}'
                                  and cast(left(s.data ->> 'moveInDate', 10) as date) <= ?1
                                  and coalesce(s.data ->> 'status', '') not in ('CURRENT', 'PAST')
                                  and not exists (select 1 from move_in_announced a where a.entity_key = s.entity_key)
                                  and cast(left(s.data ->> 'moveInDate', 10) as date) >= (
                                      select cast(timezone(?2, e.received_at) as date) from event_store e
                                      where e.entity_key = s.entity_key and e.entity_seq = 1)
                                for update of s skip locked)
                            select * from due""")
                    .setParameter(1, Date.valueOf(today))
                    .setParameter(2, config.zone().getId())
                    .getResultList();
            List<String> keys = due.stream().map(lease -> (String) lease[0]).toList();
            Set<String> claimed =
                    em.unwrap(Session.class).doReturningWork(connection -> claim(connection, keys, CAUSE_DATE));
            outbox.addLifecycle(due.stream()
                    .filter(lease -> claimed.contains((String) lease[0]))
                    .map(MoveIns::moveIn)
                    .toList());
            return claimed.size();
        });
        if (announced > 0) {
            relay.wake();
        }
        return announced;
    }

    private static LifecycleEvent moveIn(Object[] lease) {
        String key = (String) lease[0];
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("moveInDate", lease[5]);
        after.put("reason", "move-in date reached");
        String id = UUID.nameUUIDFromBytes(
                        (key + "|" + LifecycleType.MOVE_IN + "|date").getBytes(StandardCharsets.UTF_8))
                .toString();
        return new LifecycleEvent(
                LifecycleEvent.SCHEMA_VERSION,
                id,
                LifecycleType.MOVE_IN,
                (String) lease[1],
                (String) lease[2],
                EntityType.LEASE,
                key,
                (String) lease[3],
                (String) lease[4],
                List.of("moveInDate"),
                Map.of(),
                after,
                List.of(),
                Instant.now());
    }
}
