package com.pmsbridge.gateway.console;

import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** Links between console pages: query strings, path segments, and the redirect back after an action. */
final class ConsoleLinks {
    private ConsoleLinks() {}

    static String query(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .filter(e -> e.getValue() != null && !e.getValue().isBlank())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Where to go back to: a console path only (never another site), else the fallback. */
    static String back(String back, String fallback) {
        return back != null && back.startsWith("/console") && !back.startsWith("//") && !back.contains("\\")
                ? back
                : fallback;
    }

    /** After a form's action: back to the page it came from, saying what was done or what went wrong. */
    static Response after(String back, String fallback, ConsoleBackend.Reply reply, String done) {
        String target = back(back, fallback);
        String outcome = reply.ok()
                ? "done=" + URLEncoder.encode(done == null ? "Done" : done, StandardCharsets.UTF_8)
                : "failed=" + URLEncoder.encode(reply.problem(), StandardCharsets.UTF_8);
        String withoutOutcome = target.replaceAll("[?&](done|failed)=[^&]*", "");
        if (!withoutOutcome.contains("?") && withoutOutcome.contains("&")) {
            withoutOutcome = withoutOutcome.replaceFirst("&", "?");
        }
        String separator = withoutOutcome.contains("?") ? "&" : "?";
        return Response.seeOther(URI.create(withoutOutcome + separator + outcome))
                .build();
    }
}
