package com.pmsbridge.connector.lease;

import io.agroal.api.AgroalDataSource;
import org.jboss.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Leases in PostgreSQL that let several connector replicas share the work one replica at a time may do: a
 * connection's poll and its Sync run. A replica takes a free or expired lease (or renews its own) and keeps renewing
 * it while it works; when it dies, the lease runs out and the next replica to ask takes the work over from the
 * persisted cursor or checkpoint. A graceful stop hands its leases back at once.
 */
@ApplicationScoped
public class Leases {
    private static final Logger LOG = Logger.getLogger(Leases.class);
    private static final String TAKE = """
            insert into lease (name, owner, expires_at) values (?, ?, now() + ?::interval)
            on conflict (name) do update set owner = excluded.owner, expires_at = excluded.expires_at
                where lease.owner = excluded.owner or lease.expires_at < now()
            returning owner""";

    private final AgroalDataSource database;
    private final String owner;
    private final String duration;

    Leases(AgroalDataSource database, LeaseConfig config) {
        this.database = database;
        this.owner = host() + "/" + ProcessHandle.current().pid();
        this.duration = config.duration().toMillis() + " milliseconds";
    }

    /** This replica's name in the lease table: its host (the pod's name on Kubernetes) and process id. */
    public String owner() {
        return owner;
    }

    /**
     * Takes the lease, or renews it when this replica holds it already.
     *
     * @return false when another replica holds it and it has not expired
     */
    public boolean take(String name) {
        try (Connection connection = database.getConnection();
                PreparedStatement take = connection.prepareStatement(TAKE)) {
            take.setString(1, name);
            take.setString(2, owner);
            take.setString(3, duration);
            try (ResultSet taken = take.executeQuery()) {
                return taken.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("lease " + name + " could not be taken: " + e.getMessage(), e);
        }
    }

    /** Hands a lease this replica holds back, so another replica need not wait for it to expire. */
    public void release(String name) {
        try (Connection connection = database.getConnection();
                PreparedStatement release =
                        connection.prepareStatement("delete from lease where name = ? and owner = ?")) {
            release.setString(1, name);
            release.setString(2, owner);
            release.executeUpdate();
        } catch (SQLException e) {
            LOG.debugf("lease %s not handed back (it expires): %s", name, e.getMessage());
        }
    }

    @PreDestroy
    void releaseAll() {
        try (Connection connection = database.getConnection();
                PreparedStatement release = connection.prepareStatement("delete from lease where owner = ?")) {
            release.setString(1, owner);
            release.executeUpdate();
        } catch (SQLException e) {
            LOG.debugf("leases not handed back at shutdown (they expire): %s", e.getMessage());
        }
    }

    private static String host() {
        String pod = System.getenv("HOSTNAME");
        if (pod != null && !pod.isBlank()) {
            return pod;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /** The name of the lease on polling a connection. */
    public static String poll(String connectionId) {
        return "poll:" + connectionId;
    }

    /** The name of the lease on running a connection's Sync. */
    public static String sync(String connectionId) {
        return "sync:" + connectionId;
    }
}
