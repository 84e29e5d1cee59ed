package com.pmsbridge.service.http;

import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.Map;

/** RFC 9457 problem documents: every error of every service has this shape. */
public final class Problems {
    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://pms-bridge.dev/problems/";

    private Problems() {}

    public static Response of(int status, String type, String detail) {
        return builder(status, type, detail).build();
    }

    public static Response.ResponseBuilder builder(int status, String type, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + type.replace('_', '-'));
        Response.Status known = Response.Status.fromStatusCode(status);
        body.put("title", known == null ? "Error" : known.getReasonPhrase());
        body.put("status", status);
        body.put("detail", detail);
        return Response.status(status).type(MEDIA_TYPE).entity(body);
    }
}
