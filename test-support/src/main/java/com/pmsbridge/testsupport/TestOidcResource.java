package com.pmsbridge.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Starts {@link TestOidcServer} and points the service's OIDC configuration at it. */
public class TestOidcResource implements QuarkusTestResourceLifecycleManager {
    private TestOidcServer server;

    @Override
    public Map<String, String> start() {
        server = TestOidcServer.start();
        return Map.of("quarkus.oidc.auth-server-url", server.issuer());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
