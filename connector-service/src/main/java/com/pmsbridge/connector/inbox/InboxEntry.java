package com.pmsbridge.connector.inbox;

import com.pmsbridge.connector.adapter.EntityReference;

import java.time.Instant;

/**
 * A thin webhook's reference, acknowledged to the PMS and waiting to be read in full. Travels on the internal topic
 * {@code pms.connector.inbox.v1}, so an accepted webhook survives a crash before the read.
 */
public record InboxEntry(
        String entryId, String org, String connectionId, EntityReference reference, Instant receivedAt) {}
