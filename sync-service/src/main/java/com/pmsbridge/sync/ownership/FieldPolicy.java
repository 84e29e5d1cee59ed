package com.pmsbridge.sync.ownership;

import com.pmsbridge.sync.conflict.ConflictRule;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** One document resolved for lookups: the owner and the rule of a field, asked for every field of every change. */
public final class FieldPolicy {
    /** Fields only the hub sets on an entity type the document does not name. */
    private static final Set<String> DEFAULT_HUB = Set.of("stage", "notes", "tags");

    private final Map<String, Map<String, Owner>> owners = new HashMap<>();
    private final Map<String, ConflictRule> rules = new HashMap<>();
    private final ConflictRule defaultRule;

    public FieldPolicy(OwnershipDocument document) {
        document.entities().forEach((entityType, fields) -> {
            Map<String, Owner> byField = new HashMap<>();
            fields.shared().forEach(field -> byField.put(field, Owner.SHARED));
            fields.hub().forEach(field -> byField.put(field, Owner.HUB));
            owners.put(entityType, Map.copyOf(byField));
        });
        document.rules().forEach((key, rule) -> rules.put(key, ConflictRule.parse(rule)));
        this.defaultRule = ConflictRule.parse(document.defaultRule());
    }

    public Owner owner(String entityType, String field) {
        Map<String, Owner> byField = owners.get(entityType);
        if (byField == null) {
            return DEFAULT_HUB.contains(field) ? Owner.HUB : Owner.PMS;
        }
        return byField.getOrDefault(field, Owner.PMS);
    }

    public ConflictRule rule(String entityType, String field) {
        ConflictRule rule = rules.get(entityType + "." + field);
        return rule != null ? rule : defaultRule;
    }
}
