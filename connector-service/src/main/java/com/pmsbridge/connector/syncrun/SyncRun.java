package com.pmsbridge.connector.syncrun;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One Sync of a connection, with the checkpoint it resumes from (entity type and offset). */
@Entity
@Table(name = "sync_run")
public class SyncRun extends PanacheEntityBase {
    public static final String RUNNING = "RUNNING";
    public static final String COMPLETED = "COMPLETED";
    public static final String FAILED = "FAILED";

    @Id
    public UUID id;

    @Column(name = "connection_id")
    public String connectionId;

    public String org;
    public String status;
    /** Comma-separated entity types in the order they are read. */
    @Column(name = "entity_types")
    public String entityTypes;

    @Column(name = "current_type")
    public String currentType;

    @Column(name = "next_offset")
    public int nextOffset;

    public int pages;
    public int records;
    public int errors;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "last_error")
    public String lastError;
}
