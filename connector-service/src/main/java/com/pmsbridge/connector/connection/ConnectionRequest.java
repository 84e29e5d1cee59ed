package com.pmsbridge.connector.connection;

import java.util.Map;

/**
 * What an admin sends to create or change a connection. Secrets are references such as {@code env:BUILDIUM_ACME},
 * resolved from the environment or a Kubernetes Secret; a value that is not a reference is refused.
 */
public record ConnectionRequest(
        String id,
        String pmsType,
        String displayName,
        String apiBaseUrl,
        String credentialRef,
        String webhookSecretRef,
        String webhookIssuerUrl,
        ConnectionMode mode,
        Integer pollIntervalSeconds,
        Map<String, Map<String, String>> fieldMapping) {}
