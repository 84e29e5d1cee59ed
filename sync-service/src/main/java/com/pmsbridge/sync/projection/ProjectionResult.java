package com.pmsbridge.sync.projection;

import java.util.List;

/**
 * What applying one change did.
 *
 * @param outcome       applied, stale (older than the state, recorded but without effect), duplicate, or rejected
 * @param changedFields the fields whose value changed
 * @param reason        why a rejected change was refused (it goes to the dead-letter topic with it); null otherwise
 */
public record ProjectionResult(Outcome outcome, List<String> changedFields, String reason) {
    public enum Outcome {
        APPLIED,
        STALE,
        DUPLICATE,
        REJECTED
    }

    public ProjectionResult(Outcome outcome, List<String> changedFields) {
        this(outcome, changedFields, null);
    }

    public static ProjectionResult duplicate() {
        return new ProjectionResult(Outcome.DUPLICATE, List.of());
    }

    public static ProjectionResult rejected(String reason) {
        return new ProjectionResult(Outcome.REJECTED, List.of(), reason);
    }
}
