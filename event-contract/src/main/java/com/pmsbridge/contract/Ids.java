package com.pmsbridge.contract;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The one recipe for ids derived from what caused them: the same parts give the same id on every replica and every
 * redelivery, which is what makes reprocessing idempotent. The parts are joined with {@code |} (the recipe every
 * service used before this helper, so ids already stored and published keep matching).
 */
public final class Ids {
    private Ids() {}

    /** A name-based (version 3) UUID of the parts joined with {@code |}. */
    public static UUID derived(Object... parts) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                name.append('|');
            }
            name.append(parts[i]);
        }
        return UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8));
    }
}
