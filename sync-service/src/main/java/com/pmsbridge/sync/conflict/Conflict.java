package com.pmsbridge.sync.conflict;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** The losing side of concurrent edits of a shared field, or a write-back the PMS refused. */
@Entity
@Table(name = "conflict")
public class Conflict extends PanacheEntityBase {
    public static final String OPEN = "OPEN";
    public static final String RESOLVED = "RESOLVED";

    @Id
    public UUID id;

    public String org;

    @Column(name = "entity_key")
    public String entityKey;

    @Column(name = "entity_type")
    public String entityType;

    @Column(name = "property_id")
    public String propertyId;

    public String field;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "hub_value")
    public Object hubValue;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "pms_value")
    public Object pmsValue;

    @Column(name = "hub_version")
    public String hubVersion;

    @Column(name = "pms_version")
    public String pmsVersion;
    /** pms-wins, hub-wins, latest-wins, or writeback-rejected. */
    public String rule;
    /** pms or hub: whose value the state now holds. */
    public String winner;

    public String status;
    public String reason;

    @Column(name = "created_at")
    public Instant createdAt;

    /** pms, hub or value (a value the operator typed); null while open. */
    public String resolution;

    @Column(name = "resolved_by")
    public String resolvedBy;

    @Column(name = "resolved_at")
    public Instant resolvedAt;
}
