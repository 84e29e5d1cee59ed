package com.pmsbridge.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Who and what a queue item is about, by name: the residents and the unit of its record, read from the entity API
 * with the user's own token (so only for users who may read those records). An id stays when a name is not known.
 */
final class ItemParties {
    /** The names shown on an item's page. */
    record Parties(List<String> residents, String unit) {}

    private final ConsoleBackend backend;
    private final String token;

    ItemParties(ConsoleBackend backend, String token) {
        this.backend = backend;
        this.token = token;
    }

    Parties of(String entityKey, String unitId) {
        String[] key = entityKey == null ? new String[0] : entityKey.split(":", 3);
        if (key.length < 3) {
            return new Parties(List.of(), unitId);
        }
        String type = key[0];
        String connection = key[1];
        JsonNode record = fields(entityKey);
        List<String> residents = new ArrayList<>();
        if (type.equals("resident")) {
            residents.add(name(record, key[2]));
        } else {
            for (JsonNode id : record.path("residentIds").path("value")) {
                residents.add(name(fields("resident:" + connection + ":" + id.asText()), id.asText()));
            }
        }
        String unit = unitId == null ? record.path("unitId").path("value").asText(null) : unitId;
        return new Parties(residents, unit == null ? null : unitLabel(connection, unit));
    }

    private String unitLabel(String connection, String unitId) {
        JsonNode unit = fields("unit:" + connection + ":" + unitId);
        String number = unit.path("number").path("value").asText(null);
        return number == null ? unitId : number + " (" + unitId + ")";
    }

    private static String name(JsonNode resident, String fallback) {
        String first = resident.path("firstName").path("value").asText("");
        String last = resident.path("lastName").path("value").asText("");
        String name = (first + " " + last).trim();
        return name.isEmpty() ? fallback : name;
    }

    /** A record's fields ({@code {name: {value, source, ...}}}), or an empty node when it cannot be read. */
    private JsonNode fields(String entityKey) {
        ConsoleBackend.Reply reply =
                backend.get(token, "/api/v1/entities/" + ConsoleLinks.segment(entityKey), Map.of());
        return reply.ok() && reply.body() != null ? reply.body().path("fields") : MissingNode.getInstance();
    }
}
