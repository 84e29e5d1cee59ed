package com.pmsbridge.sync.projection;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The projection's cache of the states it wrote last (see {@link StateCache}). */
@ConfigMapping(prefix = "sync.state-cache")
public interface StateCacheConfig {
    /** How many entity states the cache keeps, least recently used dropped first; 0 turns it off. */
    @WithDefault("50000")
    int maxEntries();
}
