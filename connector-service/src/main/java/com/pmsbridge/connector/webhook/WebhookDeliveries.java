package com.pmsbridge.connector.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Remembers accepted deliveries per connection so a redelivery is acknowledged without a second event. */
@ApplicationScoped
public class WebhookDeliveries {
    private final EntityManager em;

    WebhookDeliveries(EntityManager em) {
        this.em = em;
    }

    /** Whether this delivery was accepted before. */
    public boolean seen(String connectionId, String dedupeKey) {
        return !em.createNativeQuery("select 1 from webhook_delivery where connection_id = ?1 and dedupe_key = ?2")
                .setParameter(1, connectionId)
                .setParameter(2, dedupeKey)
                .getResultList()
                .isEmpty();
    }

    /**
     * Records a delivery in the caller's transaction. Returns false when it was recorded before. A concurrent
     * duplicate waits on the first one's row lock and then sees it, so only one of them publishes.
     */
    public boolean recordIfNew(String connectionId, String dedupeKey, String eventId) {
        int inserted = em.createNativeQuery("""
                        insert into webhook_delivery (connection_id, dedupe_key, event_id) values (?1, ?2, ?3)
                        on conflict (connection_id, dedupe_key) do nothing""")
                .setParameter(1, connectionId)
                .setParameter(2, dedupeKey)
                .setParameter(3, eventId)
                .executeUpdate();
        return inserted == 1;
    }
}
