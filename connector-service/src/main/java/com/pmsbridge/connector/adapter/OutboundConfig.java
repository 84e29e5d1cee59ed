package com.pmsbridge.connector.adapter;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Optional;

/** Where the connector may send requests: PMS APIs and JWKS issuers that an organisation's admin configures. */
@ConfigMapping(prefix = "connector.outbound")
public interface OutboundConfig {
    /**
     * Hosts the platform runs itself (the local simulator, say): reachable over plain http and on private addresses.
     * Empty in production.
     */
    Optional<List<String>> platformHosts();

    /** Hosts a Buildium connection may call (Buildium's production and sandbox APIs). */
    @WithDefault("api.buildium.com,apisandbox.buildium.com")
    List<String> buildiumHosts();

    /** Host suffixes an AppFolio connection may call (each customer has a subdomain of appfolio.com). */
    @WithDefault(".appfolio.com")
    List<String> appfolioHostSuffixes();

    /** Open connections kept to one PMS host at most; further requests wait for one. */
    @WithDefault("10")
    int maxConnectionsPerHost();

    /** Largest PMS response read, in bytes; a longer one fails the call. */
    @WithDefault("8388608")
    int maxResponseBytes();
}
