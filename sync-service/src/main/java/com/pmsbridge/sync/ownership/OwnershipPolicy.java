package com.pmsbridge.sync.ownership;

import com.pmsbridge.contract.ContractJson;
import com.pmsbridge.service.persistence.SqlTimes;
import com.pmsbridge.sync.conflict.ConflictRule;
import com.pmsbridge.sync.projection.EntityState;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.ClientErrorException;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who owns a field and how its conflicts resolve, per organisation and per connection: a connection's own document,
 * else its organisation's, else the configured one ({@link OwnershipConfig}). Documents are stored versioned in
 * {@code ownership_policy}; every replica reads the latest ones every few seconds, so a change applies without a
 * restart. The projection, the rebuild, hub edits and the API all ask here.
 */
@ApplicationScoped
public class OwnershipPolicy {
    private static final Logger LOG = Logger.getLogger(OwnershipPolicy.class);
    /** The connection id of an organisation-wide document. */
    static final String WHOLE_ORGANISATION = "";

    private final EntityManager em;
    private final OwnershipDocument defaults;
    private final FieldPolicy defaultPolicy;
    /** Organisation, then connection (or {@link #WHOLE_ORGANISATION}), to the latest stored document. */
    private volatile Map<String, Map<String, Stored>> latest;

    OwnershipPolicy(OwnershipConfig config, EntityManager em) {
        this.em = em;
        this.defaults = OwnershipDocument.of(config);
        List<String> problems = defaults.problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("sync.ownership: " + String.join("; ", problems));
        }
        this.defaultPolicy = new FieldPolicy(defaults);
    }

    /** One stored version of a document. */
    public record Stored(
            String org,
            String connectionId,
            int version,
            OwnershipDocument document,
            String changedBy,
            Instant changedAt,
            FieldPolicy policy) {}

    /** The document in effect for a connection and where it comes from: connection, organisation or default. */
    public record Effective(String scope, int version, OwnershipDocument document) {}

    public FieldPolicy of(String org, String connectionId) {
        Map<String, Stored> byConnection = snapshot().get(org);
        if (byConnection == null) {
            return defaultPolicy;
        }
        Stored stored = byConnection.get(connectionId == null ? WHOLE_ORGANISATION : connectionId);
        if (stored == null) {
            stored = byConnection.get(WHOLE_ORGANISATION);
        }
        return stored == null ? defaultPolicy : stored.policy();
    }

    public Owner owner(EntityState state, String field) {
        return of(state.org, state.connectionId).owner(state.entityType, field);
    }

    public ConflictRule rule(EntityState state, String field) {
        return of(state.org, state.connectionId).rule(state.entityType, field);
    }

    public Effective effective(String org, String connectionId) {
        Map<String, Stored> byConnection = snapshot().getOrDefault(org, Map.of());
        Stored stored = connectionId == null ? null : byConnection.get(connectionId);
        if (stored != null) {
            return new Effective("connection", stored.version(), stored.document());
        }
        stored = byConnection.get(WHOLE_ORGANISATION);
        if (stored != null) {
            return new Effective("organisation", stored.version(), stored.document());
        }
        return new Effective("default", 0, defaults);
    }

    /**
     * Stores a new version of the organisation's (connectionId null) or one connection's document. With
     * {@code expectedVersion} given, another version stored since answers 409, so two admins cannot overwrite each
     * other unseen.
     */
    public Stored save(
            String org, String connectionId, OwnershipDocument document, Integer expectedVersion, String actor) {
        String scope = connectionId == null ? WHOLE_ORGANISATION : connectionId;
        Stored stored = QuarkusTransaction.requiringNew().call(() -> {
            Number current = (Number) em.createNativeQuery("""
                            select coalesce(max(version), 0) from ownership_policy
                            where org = ?1 and connection_id = ?2""")
                    .setParameter(1, org)
                    .setParameter(2, scope)
                    .getSingleResult();
            if (expectedVersion != null && expectedVersion != current.intValue()) {
                throw new ClientErrorException(
                        "the policy is at version " + current.intValue() + ", not " + expectedVersion
                                + "; read it again and apply your change to it",
                        409);
            }
            int version = current.intValue() + 1;
            // the primary key (org, connection_id, version) refuses a concurrent save of the same version
            em.createNativeQuery("""
                            insert into ownership_policy (org, connection_id, version, document, changed_by, changed_at)
                            values (?1, ?2, ?3, cast(?4 as jsonb), ?5, now())""")
                    .setParameter(1, org)
                    .setParameter(2, scope)
                    .setParameter(3, version)
                    .setParameter(4, json(document))
                    .setParameter(5, actor)
                    .executeUpdate();
            return new Stored(org, connectionId, version, document, actor, Instant.now(), new FieldPolicy(document));
        });
        refresh();
        return stored;
    }

    /** Every stored version of one scope, newest first: who changed what when. */
    public List<Stored> versions(String org, String connectionId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Stored> versions = new ArrayList<>();
            for (Object row : em.createNativeQuery("""
                            select org, connection_id, version, cast(document as text), changed_by, changed_at
                            from ownership_policy where org = ?1 and connection_id = ?2 order by version desc""")
                    .setParameter(1, org)
                    .setParameter(2, connectionId == null ? WHOLE_ORGANISATION : connectionId)
                    .getResultList()) {
                versions.add(stored((Object[]) row, false));
            }
            return versions;
        });
    }

    @Scheduled(every = "${sync.ownership.refresh-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            latest = load();
        } catch (RuntimeException e) {
            LOG.warnf(
                    "ownership policies not refreshed, the last ones stay: %s",
                    e.getClass().getSimpleName());
        }
    }

    private Map<String, Map<String, Stored>> snapshot() {
        Map<String, Map<String, Stored>> current = latest;
        if (current == null) {
            synchronized (this) {
                if (latest == null) {
                    latest = load(); // the first change waits for the stored policies, never uses defaults instead
                }
                current = latest;
            }
        }
        return current;
    }

    private Map<String, Map<String, Stored>> load() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Map<String, Stored>> byOrg = new HashMap<>();
            for (Object row : em.createNativeQuery("""
                            select distinct on (org, connection_id) org, connection_id, version, cast(document as text),
                                   changed_by, changed_at
                            from ownership_policy order by org, connection_id, version desc""").getResultList()) {
                Stored stored = stored((Object[]) row, true);
                byOrg.computeIfAbsent(stored.org(), o -> new HashMap<>())
                        .put(stored.connectionId() == null ? WHOLE_ORGANISATION : stored.connectionId(), stored);
            }
            return byOrg;
        });
    }

    private static Stored stored(Object[] row, boolean resolve) {
        OwnershipDocument document = read((String) row[3]);
        String connectionId = (String) row[1];
        return new Stored(
                (String) row[0],
                connectionId.isEmpty() ? null : connectionId,
                ((Number) row[2]).intValue(),
                document,
                (String) row[4],
                SqlTimes.toInstant(row[5]),
                resolve ? new FieldPolicy(document) : null);
    }

    private static String json(OwnershipDocument document) {
        try {
            return ContractJson.mapper().writeValueAsString(document);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OwnershipDocument read(String json) {
        try {
            return ContractJson.mapper().readValue(json, OwnershipDocument.class);
        } catch (IOException e) {
            throw new IllegalStateException("a stored ownership policy is unreadable", e);
        }
    }
}
