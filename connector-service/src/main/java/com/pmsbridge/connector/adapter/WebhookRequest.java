package com.pmsbridge.connector.adapter;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * A webhook as received: headers (names lower-cased) and the exact body bytes, which signatures are computed over.
 */
public record WebhookRequest(String connectionId, Map<String, String> headers, byte[] body, Instant receivedAt) {

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
