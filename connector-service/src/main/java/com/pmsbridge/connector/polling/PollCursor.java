package com.pmsbridge.connector.polling;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** Where polling of one entity type of one connection stands. */
@Entity
@Table(name = "poll_cursor")
@IdClass(PollCursor.Key.class)
public class PollCursor extends PanacheEntityBase {
    @Id
    @Column(name = "connection_id")
    public String connectionId;

    @Id
    @Column(name = "entity_type")
    public String entityType;
    /** Start of the next poll's window (before the overlap is subtracted). */
    @Column(name = "updated_since")
    public Instant updatedSince;

    @Column(name = "last_poll_at")
    public Instant lastPollAt;

    @Column(name = "last_success_at")
    public Instant lastSuccessAt;

    /** Composite id: connection and entity type. */
    public static class Key implements Serializable {
        public String connectionId;
        public String entityType;

        public Key() {}

        public Key(String connectionId, String entityType) {
            this.connectionId = connectionId;
            this.entityType = entityType;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key
                    && Objects.equals(connectionId, key.connectionId)
                    && Objects.equals(entityType, key.entityType);
        }

        @Override
        public int hashCode() {
            return Objects.hash(connectionId, entityType);
        }
    }
}
