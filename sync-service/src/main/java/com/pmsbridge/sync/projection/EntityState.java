package com.pmsbridge.sync.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import java.io.Serializable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Current state of one entity, with the version each field was last set from. */
@Entity
@Table(name = "entity_state")
public class EntityState extends PanacheEntityBase {
    @Id
    @Column(name = "entity_key")
    public String entityKey;

    public String org;

    @Column(name = "connection_id")
    public String connectionId;

    @Column(name = "entity_type")
    public String entityType;

    @Column(name = "external_id")
    public String externalId;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> data = new LinkedHashMap<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "field_versions")
    public FieldVersions fieldVersions = new FieldVersions();
    /** The newest source version applied to the record (or its tombstone). */
    public String version;

    public boolean deleted;
    /** The newest delete seen, also when a newer update outlived it. */
    @Column(name = "delete_version")
    public String deleteVersion;

    @Column(name = "last_seq")
    public int lastSeq;

    @Column(name = "updated_at")
    public Instant updatedAt;
    /**
     * The row's version as the projection read or wrote it (PostgreSQL's {@code xmin}, which every write of the row
     * changes, whoever writes it); the projection's write checks it is unchanged. Null for a state not stored yet.
     */
    @Transient
    public String rowVersion;

    /**
     * Where a field's current value came from. {@code pending} marks a hub edit of a shared field that the PMS has
     * not confirmed yet (its echo confirms it; a different PMS value then is a conflict). {@code eventId} orders
     * changes of equal versions. Stored through {@link FieldVersions}.
     */
    public record FieldVersion(String version, Source source, boolean pending, String eventId) implements Serializable {
        public FieldVersion(String version, Source source, boolean pending) {
            this(version, source, pending, null);
        }

        public FieldVersion(String version, Source source) {
            this(version, source, false, null);
        }
    }
}
