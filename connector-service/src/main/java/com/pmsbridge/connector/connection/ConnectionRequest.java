package com.pmsbridge.connector.connection;

import java.util.Map;

/**
 * What an admin sends to create or change a connection. Secrets are set apart, write-only, with
 * {@code PUT /api/v1/connections/{id}/credentials}; the two reference fields are kept only to refuse them clearly.
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
        Map<String, Map<String, String>> fieldMapping,
        Map<String, String> settings) {}
