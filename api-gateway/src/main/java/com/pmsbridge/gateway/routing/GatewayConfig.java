package com.pmsbridge.gateway.routing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Map;

/** Where the gateway sends each public path. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Routes by name; the longest matching path prefix wins. */
    Map<String, Route> routes();

    /** How long to wait for a backend answer before 504. */
    @WithDefault("15000")
    long backendTimeoutMs();

    interface Route {
        /** Path prefix this route serves, e.g. /api/v1/queue. */
        String pathPrefix();

        /** Base URL of the backend service, e.g. http://127.0.0.1:8083. */
        String targetUrl();
    }
}
