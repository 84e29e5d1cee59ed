package com.pmsbridge.sync.lifecycle;

import com.pmsbridge.contract.EntityType;
import com.pmsbridge.contract.Ids;
import com.pmsbridge.contract.event.LifecycleEvent;
import com.pmsbridge.contract.event.LifecycleType;
import com.pmsbridge.sync.outbox.Outbox;
import com.pmsbridge.sync.outbox.OutboxRelay;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import org.hibernate.Session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

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

/**
 * A lease's move-in and its end are each announced once: when its status says so (derived from the change) or when
 * the date is reached while the PMS has not said so yet, whichever comes first. A date that was already reached when
 * the hub first saw the lease is a fact from before the first sync and is not announced.
 */
@ApplicationScoped
public class LeaseMilestones {
    static final String CAUSE_STATUS = "status";
    static final String CAUSE_DATE = "date";

    /** What is announced, from which date field, unless the status already says it; claimed once per lease. */
    public enum Milestone {
        MOVE_IN(LifecycleType.MOVE_IN, "moveInDate", "move_in_announced", "move-in date reached", "CURRENT,PAST"),
        LEASE_END(LifecycleType.LEASE_ARCHIVED, "endDate", "lease_end_announced", "end date reached", "PAST,CANCELLED");

        final LifecycleType type;
        final String dateField;
        final String table;
        final String reason;
        final String[] statusesSayingSo;

        Milestone(LifecycleType type, String dateField, String table, String reason, String statuses) {
            this.type = type;
            this.dateField = dateField;
            this.table = table;
            this.reason = reason;
            this.statusesSayingSo = statuses.split(",");
        }

        public static Milestone of(LifecycleType type) {
            for (Milestone milestone : values()) {
                if (milestone.type == type) {
                    return milestone;
                }
            }
            return null;
        }
    }

    private final EntityManager em;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final MoveInConfig config;

    LeaseMilestones(EntityManager em, Outbox outbox, OutboxRelay relay, MoveInConfig config) {
        this.em = em;
        this.outbox = outbox;
        this.relay = relay;
        this.config = config;
    }

    /**
     * Claims a milestone of these leases for a status change, on the caller's transaction's connection; returns the
     * leases whose milestone was not announced before (a set the caller may change).
     */
    public static Set<String> claim(Connection connection, Milestone milestone, Collection<String> leaseKeys)
            throws SQLException {
        return claim(connection, milestone, leaseKeys, CAUSE_STATUS);
    }

    /** One statement for any number of leases: the first claim of a lease wins, whatever its cause. */
    private static Set<String> claim(
            Connection connection, Milestone milestone, Collection<String> leaseKeys, String cause)
            throws SQLException {
        Set<String> claimed = new HashSet<>();
        if (leaseKeys.isEmpty()) {
            return claimed;
        }
        try (PreparedStatement insert = connection.prepareStatement("insert into " + milestone.table
                + " (entity_key, cause) select unnest(?::varchar[]), ?"
                + " on conflict (entity_key) do nothing returning entity_key")) {
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
        for (Milestone milestone : Milestone.values()) {
            announceReached(milestone);
        }
    }

    /** Announces the milestone of every lease whose date is reached today or earlier; returns how many. */
    @SuppressWarnings("unchecked")
    public int announceReached(Milestone milestone) {
        LocalDate today = LocalDate.now(config.zone());
        String date = "s.data ->> '" + milestone.dateField + "'";
        int announced = QuarkusTransaction.requiringNew().call(() -> {
            List<Object[]> due = em.createNativeQuery("with due as ("
                            + " select s.entity_key, s.org, s.connection_id, s.data ->> 'propertyId',"
                            + " s.data ->> 'unitId', " + date + ", cast(s.data -> 'residentIds' as text)"
                            + " from entity_state s where s.entity_type = 'lease' and not s.deleted"
                            + " and " + date + " ~ '^\\d{4}-\\d{2}-\\d{2}'"
                            + " and cast(left(" + date + ", 10) as date) <= ?1"
                            + " and not (coalesce(s.data ->> 'status', '') = any(cast(?3 as varchar[])))"
                            + " and not exists (select 1 from " + milestone.table
                            + " a where a.entity_key = s.entity_key)"
                            + " and cast(left(" + date + ", 10) as date) >= ("
                            + " select cast(timezone(?2, e.received_at) as date) from event_store e"
                            + " where e.entity_key = s.entity_key and e.entity_seq = 1)"
                            + " for update of s skip locked) select * from due")
                    .setParameter(1, Date.valueOf(today))
                    .setParameter(2, config.zone().getId())
                    .setParameter(3, "{" + String.join(",", milestone.statusesSayingSo) + "}")
                    .getResultList();
            List<String> keys = due.stream().map(lease -> (String) lease[0]).toList();
            Set<String> claimed = em.unwrap(Session.class)
                    .doReturningWork(connection -> claim(connection, milestone, keys, CAUSE_DATE));
            outbox.addLifecycle(due.stream()
                    .filter(lease -> claimed.contains((String) lease[0]))
                    .map(lease -> announcement(milestone, lease))
                    .toList());
            return claimed.size();
        });
        if (announced > 0) {
            relay.wake();
        }
        return announced;
    }

    private static LifecycleEvent announcement(Milestone milestone, Object[] lease) {
        String key = (String) lease[0];
        Map<String, Object> after = new LinkedHashMap<>();
        after.put(milestone.dateField, lease[5]);
        after.put("reason", milestone.reason);
        if (lease[6] != null) {
            after.put(LifecycleDeriver.RESIDENT_IDS, LifecycleDeriver.list((String) lease[6]));
        }
        String id = Ids.derived(key, milestone.type, "date").toString();
        return new LifecycleEvent(
                LifecycleEvent.SCHEMA_VERSION,
                id,
                milestone.type,
                (String) lease[1],
                (String) lease[2],
                EntityType.LEASE,
                key,
                (String) lease[3],
                (String) lease[4],
                List.of(milestone.dateField),
                Map.of(),
                after,
                List.of(),
                Instant.now());
    }
}
