package com.pmsbridge.queue.item;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One action awaiting (or past) an operator's decision. */
@Entity
@Table(name = "queue_item")
public class QueueItem extends PanacheEntityBase {
    @Id
    public UUID id;

    public String org;

    @Column(name = "connection_id")
    public String connectionId;

    @Column(name = "property_id")
    public String propertyId;

    @Column(name = "unit_id")
    public String unitId;

    @Column(name = "entity_type")
    public String entityType;

    @Column(name = "entity_key")
    public String entityKey;

    @Enumerated(EnumType.STRING)
    public ItemType type;

    @Enumerated(EnumType.STRING)
    public ItemStatus status;
    /** Readable one-liner for the console; contains field names and ids, no personal data. */
    public String summary;
    /** Before/after values of the relevant fields. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> changes;

    @Column(name = "source_event_id")
    public String sourceEventId;

    @Column(name = "superseded_by")
    public UUID supersededBy;
    /** The PMS already shows the effect as done (e.g. the lease was archived): Skip is suggested. */
    @Column(name = "suggested_skip")
    public boolean suggestedSkip;

    /** Found by a connector Sync (the record appeared without a webhook or poll telling of it). */
    @Column(name = "found_by_sync")
    public boolean foundBySync;

    public String suggestion;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;
    /** Why it was skipped, or why applying it failed. */
    public String reason;
    /** Applied by an auto-apply setting. */
    public boolean automated;

    public int attempts;

    /** The W3C traceparent of the change that created the item: its Apply continues that trace. */
    @Column(name = "trace_parent")
    public String traceParent;

    /** What the downstream tool last reported doing with the item's action (DONE or FAILED), and when, by whom. */
    @Column(name = "downstream_outcome")
    public String downstreamOutcome;

    @Column(name = "downstream_detail")
    public String downstreamDetail;

    @Column(name = "downstream_reported_by")
    public String downstreamReportedBy;

    @Column(name = "downstream_reported_at")
    public Instant downstreamReportedAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
