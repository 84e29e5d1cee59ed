package com.pmsbridge.connector.adapter;

import com.pmsbridge.connector.connection.Connection;
import com.pmsbridge.contract.EntityType;
import com.pmsbridge.contract.event.ChangeEvent;
import com.pmsbridge.contract.event.Op;
import com.pmsbridge.contract.event.WritebackCommand;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The boundary to one kind of PMS. Adding a PMS means adding one package with an implementation of this interface
 * as a CDI bean; {@link PmsAdapters} finds it by {@link #pmsType()}.
 */
public interface PmsAdapter {

    /** The connection's {@code pms_type} this adapter serves, e.g. {@code generic} or {@code buildium}. */
    String pmsType();

    /**
     * Checks the webhook's authenticity (signature, replay window).
     *
     * @throws WebhookRejectedException with 401 when the request is not authentic
     */
    void verify(WebhookRequest request, Connection connection);

    /**
     * Turns a verified webhook into canonical changes.
     *
     * @throws WebhookRejectedException with 400 naming what is wrong when the body cannot be understood
     */
    ParsedWebhook parse(WebhookRequest request, Connection connection);

    /**
     * Reads the full entity a thin webhook pointed at and maps it.
     *
     * @return the change, or empty when the PMS no longer has the entity
     * @throws MappingException        when the record cannot be mapped (it goes to the DLQ)
     * @throws PmsUnavailableException when the PMS does not answer after retries
     */
    default Optional<ChangeEvent> fetch(Connection connection, EntityReference reference) {
        throw new UnsupportedOperationException(pmsType() + " pushes full entities; nothing to fetch");
    }

    /** Entity types this PMS can list (for polling and Syncs); empty for push-only PMSes. */
    default Set<EntityType> listableTypes() {
        return Set.of();
    }

    /**
     * Lists one page of entities of a type, ordered by id, optionally only those updated since a time.
     *
     * @param op snapshot ({@code r}) for a Sync, update ({@code u}) for polling
     */
    default PmsPage list(Connection connection, EntityType type, Instant updatedSince, int offset, int limit, Op op) {
        throw new UnsupportedOperationException(pmsType() + " cannot be listed");
    }

    /** Executes a write-back command in the PMS; returns the PMS's id of the written entity. */
    default String write(Connection connection, WritebackCommand command) {
        throw new UnsupportedOperationException(pmsType() + " does not support write-back");
    }
}
