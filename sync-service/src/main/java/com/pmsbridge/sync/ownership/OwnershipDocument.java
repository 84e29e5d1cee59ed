package com.pmsbridge.sync.ownership;

import com.pmsbridge.contract.EntityType;
import com.pmsbridge.sync.conflict.ConflictRule;
import com.pmsbridge.sync.writeback.SharedFieldWriteback;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who owns which field and how shared fields resolve, as an organisation (or one of its connections) sets it: fields
 * not named are the PMS's; {@code rules} maps {@code <entity>.<field>} of a shared field to its rule.
 */
public record OwnershipDocument(Map<String, Fields> entities, Map<String, String> rules, String defaultRule) {

    /** Hub-owned and shared fields of one entity type. */
    public record Fields(List<String> hub, List<String> shared) {
        public Fields {
            hub = hub == null ? List.of() : List.copyOf(hub);
            shared = shared == null ? List.of() : List.copyOf(shared);
        }
    }

    public OwnershipDocument {
        entities = entities == null ? Map.of() : Map.copyOf(entities);
        rules = rules == null ? Map.of() : Map.copyOf(rules);
        defaultRule = defaultRule == null ? ConflictRule.PMS_WINS.wireName() : defaultRule;
    }

    /** The service's configured policy (application.properties), every organisation's default. */
    static OwnershipDocument of(OwnershipConfig config) {
        Map<String, Fields> entities = new LinkedHashMap<>();
        config.entities()
                .forEach((type, fields) -> entities.put(
                        type,
                        new Fields(
                                fields.hub().stream()
                                        .filter(f -> !f.equals("none"))
                                        .toList(),
                                fields.shared().stream()
                                        .filter(f -> !f.equals("none"))
                                        .toList())));
        return new OwnershipDocument(entities, config.rules(), config.defaultRule());
    }

    /** What is wrong with the document, each problem naming the entity, field or rule; empty when it is valid. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        ruleProblem(defaultRule, "defaultRule").ifPresent(problems::add);
        Set<String> sharedFields = new HashSet<>();
        entities.forEach((type, fields) -> {
            if (!knownType(type)) {
                problems.add("entities: unknown entity type '" + type + "'");
                return;
            }
            for (String field : fields.shared()) {
                sharedFields.add(type + "." + field);
                if (fields.hub().contains(field)) {
                    problems.add("entities." + type + ": field '" + field + "' cannot be both hub-owned and shared");
                }
                if (!SharedFieldWriteback.writable(type, field)) {
                    problems.add("entities." + type + ".shared: '" + field + "' cannot be shared: PMS Bridge writes"
                            + " back only " + SharedFieldWriteback.writableFields());
                }
            }
        });
        rules.forEach((key, rule) -> {
            if (!sharedFields.contains(key)) {
                problems.add("rules: '" + key + "' is not a shared field (write <entity>.<field> of one)");
            }
            ruleProblem(rule, "rules." + key).ifPresent(problems::add);
        });
        return problems;
    }

    private static Optional<String> ruleProblem(String rule, String where) {
        try {
            ConflictRule.parse(rule);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(where + ": " + e.getMessage());
        }
    }

    private static boolean knownType(String type) {
        for (EntityType entityType : EntityType.values()) {
            if (entityType.wireName().equals(type)) {
                return true;
            }
        }
        return false;
    }
}
