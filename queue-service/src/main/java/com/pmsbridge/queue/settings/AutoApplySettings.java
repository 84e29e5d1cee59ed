package com.pmsbridge.queue.settings;

import com.pmsbridge.queue.item.ItemType;
import com.pmsbridge.queue.log.ActionLog;
import com.pmsbridge.service.persistence.SqlTimes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Auto-apply per organisation and item type, with per-property overrides: the property's setting wins, then the
 * organisation's default, then off. Every change is itself logged.
 */
@ApplicationScoped
public class AutoApplySettings {
    private static final String ORG_WIDE = "";
    private final EntityManager em;
    private final ActionLog log;

    AutoApplySettings(EntityManager em, ActionLog log) {
        this.em = em;
        this.log = log;
    }

    public record Setting(String propertyId, ItemType itemType, boolean enabled, String updatedBy, Instant updatedAt) {}

    @Transactional
    public boolean enabled(String org, String propertyId, ItemType type) {
        List<?> rows = em.createNativeQuery("""
                        select enabled from auto_apply_setting where org = ?1 and item_type = ?2 and property_id in (?3, '')
                        order by property_id desc limit 1""")
                .setParameter(1, org)
                .setParameter(2, type.name())
                .setParameter(3, propertyId == null ? ORG_WIDE : propertyId)
                .getResultList();
        return !rows.isEmpty() && (Boolean) rows.getFirst();
    }

    @Transactional
    public Setting change(String org, String propertyId, ItemType type, boolean enabled, String actor) {
        String scope = propertyId == null ? ORG_WIDE : propertyId;
        Instant now = Instant.now();
        em.createNativeQuery("""
                        insert into auto_apply_setting (org, property_id, item_type, enabled, updated_by, updated_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6)
                        on conflict (org, property_id, item_type) do update
                        set enabled = excluded.enabled, updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
                .setParameter(1, org)
                .setParameter(2, scope)
                .setParameter(3, type.name())
                .setParameter(4, enabled)
                .setParameter(5, actor)
                .setParameter(6, Timestamp.from(now))
                .executeUpdate();
        log.append(
                org,
                null,
                type.name(),
                propertyId,
                null,
                "SETTING_CHANGED",
                actor,
                "CHANGED",
                "auto-apply " + (enabled ? "on" : "off") + " for " + type
                        + (propertyId == null ? " (organisation default)" : " at property " + propertyId));
        return new Setting(propertyId, type, enabled, actor, now);
    }

    @Transactional
    public List<Setting> list(String org) {
        List<Setting> settings = new ArrayList<>();
        for (Object row : em.createNativeQuery("""
                        select property_id, item_type, enabled, updated_by, updated_at from auto_apply_setting
                        where org = ?1 order by property_id, item_type""").setParameter(1, org).getResultList()) {
            Object[] r = (Object[]) row;
            settings.add(new Setting(
                    ORG_WIDE.equals(r[0]) ? null : (String) r[0],
                    ItemType.valueOf((String) r[1]),
                    (Boolean) r[2],
                    (String) r[3],
                    SqlTimes.toInstant(r[4])));
        }
        return settings;
    }
}
