package com.pmsbridge.sync.projection;

import java.util.List;

/**
 * What applying one change did.
 *
 * @param outcome       applied, stale (older than the state, recorded but without effect) or duplicate
 * @param changedFields the fields whose value changed
 */
public record ProjectionResult(Outcome outcome, List<String> changedFields) {
    public enum Outcome {
        APPLIED,
        STALE,
        DUPLICATE
    }

    public static ProjectionResult duplicate() {
        return new ProjectionResult(Outcome.DUPLICATE, List.of());
    }
}
