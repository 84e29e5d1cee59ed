package com.pmsbridge.sync.reconciliation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The comparison of one connector Sync's snapshot with the hub's state. WAITING until every snapshot event of the
 * Sync is projected (or the wait times out), then COMPLETED, or NEEDS_REVIEW when so much is missing in the PMS
 * that deleting it automatically would be rash (a partial read looks the same as mass deletion).
 */
@Entity
@Table(name = "reconciliation")
public class Reconciliation extends PanacheEntityBase {
    public static final String WAITING = "WAITING";
    public static final String COMPLETED = "COMPLETED";
    public static final String NEEDS_REVIEW = "NEEDS_REVIEW";

    @Id
    public UUID id;

    public String org;

    @Column(name = "connection_id")
    public String connectionId;

    @Column(name = "entity_types")
    public String entityTypes;

    @Column(name = "sync_started_at")
    public Instant syncStartedAt;

    @Column(name = "sync_completed_at")
    public Instant syncCompletedAt;

    @Column(name = "expected_records")
    public long expectedRecords;

    public String status;

    @Column(name = "snapshot_records")
    public Long snapshotRecords;

    @Column(name = "missing_in_hub")
    public Integer missingInHub;

    @Column(name = "missing_in_pms")
    public Integer missingInPms;

    @Column(name = "field_differences")
    public Integer fieldDifferences;
    /** Up to {@code sync.reconciliation.max-details} drifted records: key, type, kind and field names (no values). */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Map<String, Object>> details;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "reconciled_at")
    public Instant reconciledAt;
}
