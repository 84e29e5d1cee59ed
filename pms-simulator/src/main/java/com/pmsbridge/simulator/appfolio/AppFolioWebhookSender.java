package com.pmsbridge.simulator.appfolio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.pmsbridge.simulator.buildium.HttpExchanges;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Builds and sends AppFolio thin events signed with {@link AppFolioKeys}. */
public final class AppFolioWebhookSender {
    private final HttpClient http = HttpClient.newHttpClient();
    private final AppFolioKeys keys;
    private final String clientId;
    private final Clock clock;

    public AppFolioWebhookSender(AppFolioKeys keys, String clientId, Clock clock) {
        this.keys = keys;
        this.clientId = clientId;
        this.clock = clock;
    }

    /** The compact JSON of a thin event. */
    public String event(String topic, String entityId) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("client_id", clientId);
        event.put("id", UUID.randomUUID().toString());
        event.put("topic", topic);
        event.put("entity_id", entityId);
        event.put("update_timestamp", clock.instant().toString());
        event.put("message_sent_at", clock.instant().toString());
        try {
            return HttpExchanges.JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends a signed event; returns the HTTP status. */
    public int send(String url, String body) {
        try {
            return http.send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .header("Content-Type", "application/json")
                                    .header("X-JWS-Signature", keys.sign(body))
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
