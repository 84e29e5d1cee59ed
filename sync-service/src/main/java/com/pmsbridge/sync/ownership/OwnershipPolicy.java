package com.pmsbridge.sync.ownership;

import com.pmsbridge.sync.conflict.ConflictRule;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Answers who owns a field and how its conflicts resolve, from {@link OwnershipConfig}. */
@ApplicationScoped
public class OwnershipPolicy {
    private static final Set<String> DEFAULT_HUB = Set.of("stage", "notes", "tags");
    private final OwnershipConfig config;
    /** Per entity type, the owner of each hub-owned or shared field (asked for every field of every change). */
    private final Map<String, Map<String, Owner>> owners = new HashMap<>();

    OwnershipPolicy(OwnershipConfig config) {
        this.config = config;
        config.rules().values().forEach(ConflictRule::parse);
        ConflictRule.parse(config.defaultRule());
        config.entities().forEach((entityType, fields) -> {
            Map<String, Owner> byField = new HashMap<>();
            fields.shared().forEach(field -> byField.put(field, Owner.SHARED));
            fields.hub().forEach(field -> byField.put(field, Owner.HUB)); // hub wins when a field is named twice
            owners.put(entityType, Map.copyOf(byField));
        });
    }

    public Owner owner(String entityType, String field) {
        Map<String, Owner> byField = owners.get(entityType);
        if (byField == null) {
            return DEFAULT_HUB.contains(field) ? Owner.HUB : Owner.PMS;
        }
        return byField.getOrDefault(field, Owner.PMS);
    }

    public ConflictRule rule(String entityType, String field) {
        Map<String, String> rules = config.rules();
        return ConflictRule.parse(rules.getOrDefault(entityType + "." + field, config.defaultRule()));
    }
}
