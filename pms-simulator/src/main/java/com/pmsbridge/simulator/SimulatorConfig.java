package com.pmsbridge.simulator;

/**
 * Settings of the simulator.
 *
 * @param port              HTTP port on 127.0.0.1 (0 = any free port)
 * @param properties        number of generated properties
 * @param unitsPerProperty  units per property
 * @param seed              random seed, so a portfolio can be generated again identically
 * @param clientId          expected {@code x-buildium-client-id}
 * @param clientSecret      expected {@code x-buildium-client-secret}
 * @param requestsPerSecond Buildium's rate limit per client (429 above it)
 * @param webhookUrl        where Buildium webhooks go, or null for none
 * @param webhookSecret     Buildium webhook signing secret
 * @param accountId         Buildium AccountId in webhook events
 * @param changeIntervalMs  interval of automatic changes; 0 = only on demand
 * @param duplicateRate     share of webhooks delivered twice
 * @param outOfOrderRate    share of webhooks delivered after the next one
 * @param appFolioWebhookUrl where AppFolio-signed webhooks for the same changes go, or null for none
 */
public record SimulatorConfig(
        int port,
        int properties,
        int unitsPerProperty,
        long seed,
        String clientId,
        String clientSecret,
        int requestsPerSecond,
        String webhookUrl,
        String webhookSecret,
        long accountId,
        long changeIntervalMs,
        double duplicateRate,
        double outOfOrderRate,
        String appFolioWebhookUrl) {

    public static SimulatorConfig defaults() {
        return new SimulatorConfig(
                0, 10, 8, 42, "sim-client", "sim-secret", 10, null, "sim-webhook-secret", 123456, 0, 0.05, 0.05, null);
    }

    public SimulatorConfig withPort(int newPort) {
        return new SimulatorConfig(
                newPort,
                properties,
                unitsPerProperty,
                seed,
                clientId,
                clientSecret,
                requestsPerSecond,
                webhookUrl,
                webhookSecret,
                accountId,
                changeIntervalMs,
                duplicateRate,
                outOfOrderRate,
                appFolioWebhookUrl);
    }

    public SimulatorConfig withPortfolio(int newProperties, int newUnitsPerProperty) {
        return new SimulatorConfig(
                port,
                newProperties,
                newUnitsPerProperty,
                seed,
                clientId,
                clientSecret,
                requestsPerSecond,
                webhookUrl,
                webhookSecret,
                accountId,
                changeIntervalMs,
                duplicateRate,
                outOfOrderRate,
                appFolioWebhookUrl);
    }

    public SimulatorConfig withWebhooks(String url, long intervalMs, double duplicates, double outOfOrder) {
        return new SimulatorConfig(
                port,
                properties,
                unitsPerProperty,
                seed,
                clientId,
                clientSecret,
                requestsPerSecond,
                url,
                webhookSecret,
                accountId,
                intervalMs,
                duplicates,
                outOfOrder,
                appFolioWebhookUrl);
    }

    public SimulatorConfig withRequestsPerSecond(int limit) {
        return new SimulatorConfig(
                port,
                properties,
                unitsPerProperty,
                seed,
                clientId,
                clientSecret,
                limit,
                webhookUrl,
                webhookSecret,
                accountId,
                changeIntervalMs,
                duplicateRate,
                outOfOrderRate,
                appFolioWebhookUrl);
    }
}
