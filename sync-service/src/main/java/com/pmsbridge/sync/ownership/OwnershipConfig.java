package com.pmsbridge.sync.ownership;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Map;

/**
 * Which system owns which field (docs/sync-service.md). Fields not named are owned by the PMS.
 * {@code sync.ownership.entities.<entity>.hub} and {@code .shared} list field names; {@code sync.ownership.rules}
 * maps {@code <entity>.<field>} of a shared field to its conflict rule.
 */
@ConfigMapping(prefix = "sync.ownership")
public interface OwnershipConfig {
    /** Per entity type: hub-owned and shared fields. */
    Map<String, EntityFields> entities();

    /** Conflict rule per shared field ({@code workorder.status=latest-wins}); others use the default. */
    Map<String, String> rules();

    /** Rule for shared fields without their own: pms-wins, hub-wins, latest-wins or prefer-…-unless-blank. */
    @WithDefault("pms-wins")
    String defaultRule();

    /** How often each replica reads the organisations' and connections' stored policies again (by the schedule). */
    @WithDefault("5s")
    String refreshInterval();

    interface EntityFields {
        /** Fields only the hub sets (workflow stage, internal notes, tags). */
        @WithDefault("stage,notes,tags")
        List<String> hub();

        /** Fields both sides edit (work order status and assignment, resident contact details). */
        @WithDefault("none")
        List<String> shared();
    }
}
