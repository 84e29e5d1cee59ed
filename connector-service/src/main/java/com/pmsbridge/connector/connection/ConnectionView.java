package com.pmsbridge.connector.connection;

import java.time.Instant;
import java.util.Map;

/**
 * A connection as the API shows it: no secret (see its /credentials for fingerprints).
 *
 * @param settings                currency and charge account ({@code ConnectionSettings})
 * @param webhooksRejectedLastDay refused webhooks of the last 24 hours by reason (counted every 15 s)
 */
public record ConnectionView(
        String id,
        String org,
        String pmsType,
        String displayName,
        String apiBaseUrl,
        String webhookIssuerUrl,
        ConnectionMode mode,
        int pollIntervalSeconds,
        ConnectionStatus status,
        Instant lastSuccessAt,
        String lastError,
        Map<String, Instant> lastSuccessfulSyncByEntityType,
        Map<String, Map<String, String>> fieldMapping,
        Map<String, String> settings,
        Map<String, Long> webhooksRejectedLastDay) {}
