package com.pmsbridge.connector.adapter;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** One request to a PMS: what an adapter asks {@link PmsHttpClient} to send. The body, when present, is JSON. */
public record PmsRequest(String method, URI uri, Map<String, String> headers, String jsonBody) {
    public PmsRequest {
        headers = Map.copyOf(headers);
    }

    public static PmsRequest get(URI uri) {
        return new PmsRequest("GET", uri, Map.of("Accept", "application/json"), null);
    }

    public PmsRequest header(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new PmsRequest(method, uri, more, jsonBody);
    }

    public PmsRequest withJson(String method, String json) {
        return new PmsRequest(method, uri, headers, json);
    }
}
