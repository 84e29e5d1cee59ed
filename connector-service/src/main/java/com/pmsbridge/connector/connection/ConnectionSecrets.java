package com.pmsbridge.connector.connection;

import com.pmsbridge.service.persistence.SqlTimes;
import io.quarkus.runtime.StartupEvent;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one place a connection's secrets are read and written: encrypted in {@code connection_secret}, read at every use
 * (a change takes effect without a restart), never returned by the API, logged or published.
 */
@ApplicationScoped
public class ConnectionSecrets {
    private static final Logger LOG = Logger.getLogger(ConnectionSecrets.class);

    /** What the API may show of a secret. */
    public record Summary(String fingerprint, Instant rotatedAt, Instant previousValidUntil) {}

    private final EntityManager em;
    private final SecretCipher cipher;
    private final SecretsConfig config;

    ConnectionSecrets(EntityManager em, SecretCipher cipher, SecretsConfig config) {
        this.em = em;
        this.cipher = cipher;
        this.config = config;
    }

    /** The connection's API credentials, if set. */
    @Transactional
    public Optional<String> credential(Connection connection) {
        return row(connection.id, SecretKind.CREDENTIAL)
                .map(row -> cipher.open(connection.id, SecretKind.CREDENTIAL, row.current()));
    }

    /** The webhook secrets that verify a delivery now: the current one, and its predecessor during the overlap. */
    @Transactional
    public List<String> webhookSecrets(Connection connection) {
        List<String> secrets = new ArrayList<>(2);
        row(connection.id, SecretKind.WEBHOOK).ifPresent(row -> {
            secrets.add(cipher.open(connection.id, SecretKind.WEBHOOK, row.current()));
            if (row.previous() != null && row.previousValidUntil().isAfter(Instant.now())) {
                secrets.add(cipher.open(connection.id, SecretKind.WEBHOOK, row.previous()));
            }
        });
        return secrets;
    }

    /** Sets a secret; a replaced webhook secret stays valid for the configured overlap. */
    @Transactional
    public Summary set(String connectionId, SecretKind kind, String value) {
        Instant now = Instant.now();
        SecretCipher.Sealed sealed = cipher.seal(connectionId, kind, value);
        Optional<Row> existing = row(connectionId, kind);
        SecretCipher.Sealed previous =
                kind == SecretKind.WEBHOOK ? existing.map(Row::current).orElse(null) : null;
        Instant previousValidUntil = previous == null ? null : now.plus(config.webhookSecretOverlap());
        em.createNativeQuery("""
                        insert into connection_secret (connection_id, kind, key_id, ciphertext, fingerprint, rotated_at,
                            previous_key_id, previous_ciphertext, previous_valid_until)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                        on conflict (connection_id, kind) do update set key_id = excluded.key_id,
                            ciphertext = excluded.ciphertext, fingerprint = excluded.fingerprint,
                            rotated_at = excluded.rotated_at, previous_key_id = excluded.previous_key_id,
                            previous_ciphertext = excluded.previous_ciphertext,
                            previous_valid_until = excluded.previous_valid_until""")
                .setParameter(1, connectionId)
                .setParameter(2, kind.name())
                .setParameter(3, sealed.keyId())
                .setParameter(4, sealed.ciphertext())
                .setParameter(5, SecretCipher.fingerprint(value))
                .setParameter(6, now)
                .setParameter(7, previous == null ? null : previous.keyId())
                .setParameter(8, previous == null ? null : previous.ciphertext())
                .setParameter(9, previousValidUntil)
                .executeUpdate();
        return new Summary(SecretCipher.fingerprint(value), now, previousValidUntil);
    }

    @Transactional
    public Optional<Summary> summary(String connectionId, SecretKind kind) {
        return row(connectionId, kind)
                .map(row -> new Summary(row.fingerprint(), row.rotatedAt(), row.previousValidUntil()));
    }

    /** Re-encrypts every value under the primary key, so a retired key can be removed after one start. */
    @Transactional
    void rewrapOnStart(@Observes StartupEvent event) {
        @SuppressWarnings("unchecked")
        List<Object[]> stale =
                em.createNativeQuery("""
                        select connection_id, kind from connection_secret
                        where key_id <> ?1 or (previous_key_id is not null and previous_key_id <> ?1)""").setParameter(1, cipher.primaryKeyId()).getResultList();
        for (Object[] key : stale) {
            String connectionId = (String) key[0];
            SecretKind kind = SecretKind.valueOf((String) key[1]);
            Row row = row(connectionId, kind).orElseThrow();
            SecretCipher.Sealed current =
                    cipher.seal(connectionId, kind, cipher.open(connectionId, kind, row.current()));
            SecretCipher.Sealed previous = row.previous() == null
                    ? null
                    : cipher.seal(connectionId, kind, cipher.open(connectionId, kind, row.previous()));
            em.createNativeQuery("""
                            update connection_secret set key_id = ?3, ciphertext = ?4, previous_key_id = ?5,
                                previous_ciphertext = ?6 where connection_id = ?1 and kind = ?2""")
                    .setParameter(1, connectionId)
                    .setParameter(2, kind.name())
                    .setParameter(3, current.keyId())
                    .setParameter(4, current.ciphertext())
                    .setParameter(5, previous == null ? null : previous.keyId())
                    .setParameter(6, previous == null ? null : previous.ciphertext())
                    .executeUpdate();
        }
        if (!stale.isEmpty()) {
            LOG.infof("re-encrypted %d connection secrets under key %s", stale.size(), cipher.primaryKeyId());
        }
    }

    private record Row(
            SecretCipher.Sealed current,
            String fingerprint,
            Instant rotatedAt,
            SecretCipher.Sealed previous,
            Instant previousValidUntil) {}

    private Optional<Row> row(String connectionId, SecretKind kind) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select key_id, ciphertext, fingerprint, rotated_at, previous_key_id, previous_ciphertext,
                            previous_valid_until
                        from connection_secret where connection_id = ?1 and kind = ?2""")
                .setParameter(1, connectionId)
                .setParameter(2, kind.name())
                .getResultList();
        return rows.stream()
                .findFirst()
                .map(r -> new Row(
                        new SecretCipher.Sealed((String) r[0], (byte[]) r[1]),
                        (String) r[2],
                        SqlTimes.toInstant(r[3]),
                        r[4] == null ? null : new SecretCipher.Sealed((String) r[4], (byte[]) r[5]),
                        SqlTimes.toInstant(r[6])));
    }
}
