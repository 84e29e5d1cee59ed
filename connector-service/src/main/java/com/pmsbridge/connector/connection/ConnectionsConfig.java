package com.pmsbridge.connector.connection;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How connections are created. */
@ConfigMapping(prefix = "connector.connections")
public interface ConnectionsConfig {
    /**
     * Whether a new connection may be given an id of the caller's choosing (tests and demos name theirs). Off in
     * production: a chosen id that is taken answers 409, so ids could be probed across organisations.
     */
    @WithDefault("false")
    boolean allowProposedIds();
}
