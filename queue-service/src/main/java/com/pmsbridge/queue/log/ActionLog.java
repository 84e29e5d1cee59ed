package com.pmsbridge.queue.log;

import com.pmsbridge.queue.item.QueueItem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.UUID;

/**
 * The append-only log of executed actions and decisions, written in the caller's transaction so a decision and its
 * log entry commit together. Details name types, ids and fields, never residents' personal data.
 */
@ApplicationScoped
public class ActionLog {
    public static final String AUTOMATION = "automation";
    private final EntityManager em;

    ActionLog(EntityManager em) {
        this.em = em;
    }

    public void item(QueueItem item, String action, String actor, String outcome, String details) {
        append(
                item.org,
                item.id,
                item.type.name(),
                item.propertyId,
                item.connectionId,
                action,
                actor,
                outcome,
                details);
    }

    public void append(
            String org,
            UUID itemId,
            String itemType,
            String propertyId,
            String connectionId,
            String action,
            String actor,
            String outcome,
            String details) {
        em.createNativeQuery("""
                        insert into action_log (org, item_id, item_type, property_id, connection_id, action, actor, outcome, details)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)""")
                .setParameter(1, org)
                .setParameter(2, itemId)
                .setParameter(3, itemType)
                .setParameter(4, propertyId)
                .setParameter(5, connectionId)
                .setParameter(6, action)
                .setParameter(7, actor)
                .setParameter(8, outcome)
                .setParameter(9, details == null ? null : details.substring(0, Math.min(1000, details.length())))
                .executeUpdate();
    }
}
