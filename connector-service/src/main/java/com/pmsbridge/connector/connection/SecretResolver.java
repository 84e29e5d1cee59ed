package com.pmsbridge.connector.connection;

import org.eclipse.microprofile.config.ConfigProvider;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * Resolves secret references such as {@code env:DEMO_WEBHOOK_SECRET} through MicroProfile Config, so a secret can come
 * from an environment variable, a Kubernetes Secret mounted as env, or a system property. Values are never logged.
 */
@ApplicationScoped
public class SecretResolver {
    private static final String ENV_PREFIX = "env:";

    public Optional<String> resolve(String reference) {
        if (reference == null || !reference.startsWith(ENV_PREFIX)) {
            return Optional.empty();
        }
        String name = reference.substring(ENV_PREFIX.length());
        return ConfigProvider.getConfig().getOptionalValue(name, String.class).filter(value -> !value.isBlank());
    }
}
