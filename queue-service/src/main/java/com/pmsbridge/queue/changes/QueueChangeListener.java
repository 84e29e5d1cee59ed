package com.pmsbridge.queue.changes;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Listens on PostgreSQL's {@code queue_item_changes} channel (migration V4) and broadcasts the organisation of every
 * notification. A notification reaches every replica, so a stream served by one replica sees items another stored.
 * One pooled connection is held for the listen; when the database goes away it is opened again every few seconds.
 */
@ApplicationScoped
public class QueueChangeListener {
    private static final Logger LOG = Logger.getLogger(QueueChangeListener.class);
    private static final String CHANNEL = "queue_item_changes";
    private static final int POLL_MILLIS = 1000;
    private static final long RETRY_MILLIS = 3000;

    private final AgroalDataSource dataSource;
    private final BroadcastProcessor<String> organisations = BroadcastProcessor.create();
    private volatile boolean running;
    private Thread listener;

    QueueChangeListener(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void start(@Observes StartupEvent start) {
        running = true;
        listener = Thread.ofVirtual().name("queue-change-listener").start(this::listenUntilStopped);
    }

    void stop(@Observes ShutdownEvent stop) {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    /** The organisations whose items changed, one element per notification, from now on. */
    public Multi<String> organisations() {
        return organisations;
    }

    private void listenUntilStopped() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                listen(connection);
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warnf(
                            "queue change notifications paused: %s",
                            e.getClass().getSimpleName());
                    pause();
                }
            }
        }
    }

    private void listen(Connection connection) throws SQLException {
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("listen " + CHANNEL);
        }
        PGConnection postgres = connection.unwrap(PGConnection.class);
        while (running) {
            PGNotification[] notifications = postgres.getNotifications(POLL_MILLIS);
            if (notifications != null) {
                for (PGNotification notification : notifications) {
                    organisations.onNext(notification.getParameter());
                }
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
