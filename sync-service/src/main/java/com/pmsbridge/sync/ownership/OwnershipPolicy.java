package com.pmsbridge.sync.ownership;

import com.pmsbridge.sync.conflict.ConflictRule;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;

/** Answers who owns a field and how its conflicts resolve, from {@link OwnershipConfig}. */
@ApplicationScoped
public class OwnershipPolicy {
    private static final List<String> DEFAULT_HUB = List.of("stage", "notes", "tags");
    private final OwnershipConfig config;

    OwnershipPolicy(OwnershipConfig config) {
        this.config = config;
        config.rules().values().forEach(ConflictRule::parse);
        ConflictRule.parse(config.defaultRule());
    }

    public Owner owner(String entityType, String field) {
        OwnershipConfig.EntityFields fields = config.entities().get(entityType);
        List<String> hub = fields == null ? DEFAULT_HUB : fields.hub();
        List<String> shared = fields == null ? List.of() : fields.shared();
        if (hub.contains(field)) {
            return Owner.HUB;
        }
        return shared.contains(field) ? Owner.SHARED : Owner.PMS;
    }

    public ConflictRule rule(String entityType, String field) {
        Map<String, String> rules = config.rules();
        return ConflictRule.parse(rules.getOrDefault(entityType + "." + field, config.defaultRule()));
    }
}
