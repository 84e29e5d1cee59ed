package com.pmsbridge.connector.adapter;

import com.pmsbridge.contract.EntityType;
import com.pmsbridge.contract.event.Op;

import java.time.Instant;
import java.util.Map;

/**
 * A thin webhook's pointer to an entity that must be read from the PMS.
 *
 * @param entityType  canonical type
 * @param externalId  the PMS's id
 * @param op          what the PMS says happened (a delete needs no read)
 * @param occurredAt  the PMS's event time
 * @param pmsEventId  a stable id of the PMS event, for deduplication
 * @param context     further identifiers the read needs (e.g. the lease of a lease transaction)
 */
public record EntityReference(
        EntityType entityType,
        String externalId,
        Op op,
        Instant occurredAt,
        String pmsEventId,
        Map<String, String> context) {}
