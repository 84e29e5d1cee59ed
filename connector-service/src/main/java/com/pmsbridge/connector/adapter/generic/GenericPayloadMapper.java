package com.pmsbridge.connector.adapter.generic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pmsbridge.connector.adapter.WebhookRejectedException;
import com.pmsbridge.connector.connection.Connection;
import com.pmsbridge.contract.ContractJson;
import com.pmsbridge.contract.EntityType;
import com.pmsbridge.contract.event.ChangeEvent;
import com.pmsbridge.contract.event.Op;
import com.pmsbridge.contract.model.CanonicalData;
import com.pmsbridge.contract.model.CanonicalEntity;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Reads the generic full-entity webhook body:
 * <pre>{"eventId":"evt-1","entityType":"lease","op":"c","updatedAt":"2026-11-23T08:00:00Z","entity":{"id":"L-1",...}}</pre>
 * Every problem is reported as a 400 that names the field. The entity's fields that the canonical model names must fit
 * it; fields it does not name pass through for the connection's own consumers.
 */
class GenericPayloadMapper {
    private static final ObjectMapper JSON = ContractJson.mapper();
    private static final TypeReference<LinkedHashMap<String, Object>> FIELDS = new TypeReference<>() {};

    record Parsed(
            String eventId,
            EntityType entityType,
            Op op,
            Instant updatedAt,
            String externalId,
            Map<String, Object> fields) {

        ChangeEvent toChangeEvent(Connection connection, Instant receivedAt) {
            return new ChangeEvent(
                    ChangeEvent.SCHEMA_VERSION,
                    UUID.randomUUID().toString(),
                    connection.org,
                    connection.id,
                    connection.pmsType,
                    entityType,
                    externalId,
                    op,
                    updatedAt.toString(),
                    eventId,
                    updatedAt,
                    receivedAt,
                    op == Op.DELETE ? Map.of() : fields);
        }
    }

    /**
     * Parses a body; {@code fieldMapping} renames PMS field names to canonical ones per entity type (the
     * connection's configuration), so a PMS with its own vocabulary needs configuration, not code.
     */
    Parsed parse(byte[] body, Map<String, Map<String, String>> fieldMapping) {
        JsonNode root = readTree(body);
        if (!root.isObject()) {
            throw bad("the body must be a JSON object");
        }
        EntityType entityType = entityType(requiredText(root, "entityType"));
        Op op = op(requiredText(root, "op"));
        Instant updatedAt = instant(requiredText(root, "updatedAt"), "updatedAt");
        JsonNode entity = root.get("entity");
        if (entity == null || !entity.isObject()) {
            throw bad("field 'entity' must be a JSON object");
        }
        String externalId = id(entity.get("id"));
        Map<String, Object> fields = rename(
                JSON.convertValue(entity, FIELDS),
                fieldMapping == null ? Map.of() : fieldMapping.getOrDefault(entityType.wireName(), Map.of()));
        fields.put("id", externalId);
        if (op != Op.DELETE) {
            fields = typed(entityType, fields);
        }
        JsonNode eventId = root.get("eventId");
        return new Parsed(
                eventId == null || eventId.isNull() ? null : eventId.asText(),
                entityType,
                op,
                updatedAt,
                externalId,
                fields);
    }

    /**
     * The fields the canonical model names, read as its types (a status must be one of its enum's values, a rent sent
     * as a number becomes the model's decimal string); fields it does not name pass as they are.
     */
    private static Map<String, Object> typed(EntityType type, Map<String, Object> fields) {
        CanonicalEntity entity;
        try {
            entity = CanonicalData.read(type, fields);
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage().replaceFirst("^field '", "field 'entity."));
        }
        Map<String, Object> typed = new LinkedHashMap<>(fields);
        typed.putAll(CanonicalData.fields(entity, fields.keySet()));
        return typed;
    }

    private static Map<String, Object> rename(Map<String, Object> fields, Map<String, String> mapping) {
        if (mapping.isEmpty()) {
            return fields;
        }
        Map<String, Object> renamed = new LinkedHashMap<>();
        fields.forEach((name, value) -> renamed.put(mapping.getOrDefault(name, name), value));
        return renamed;
    }

    private static JsonNode readTree(byte[] body) {
        if (body.length == 0) {
            throw bad("the body is empty");
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw WebhookRejectedException.badRequest(
                    "malformed_json",
                    "malformed JSON at line "
                            + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ": "
                            + e.getOriginalMessage());
        } catch (IOException e) {
            throw bad("unreadable body");
        }
    }

    private static String requiredText(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull() || !node.isTextual() || node.asText().isBlank()) {
            throw bad("field '" + field + "' is required and must be a non-empty string");
        }
        return node.asText();
    }

    private static String id(JsonNode node) {
        if (node == null || node.isNull()) {
            throw bad("field 'entity.id' is required");
        }
        if (!(node.isTextual() || node.isIntegralNumber()) || node.asText().isBlank()) {
            throw bad("field 'entity.id' must be a non-empty string or an integer");
        }
        return node.asText();
    }

    private static EntityType entityType(String value) {
        try {
            return EntityType.fromWireName(value);
        } catch (IllegalArgumentException e) {
            throw bad("field 'entityType': " + e.getMessage());
        }
    }

    private static Op op(String value) {
        try {
            return Op.fromCode(value);
        } catch (IllegalArgumentException e) {
            throw bad("field 'op': " + e.getMessage());
        }
    }

    private static Instant instant(String value, String field) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw bad("field '" + field + "' must be an ISO-8601 instant such as 2026-11-23T08:00:00Z");
        }
    }

    private static WebhookRejectedException bad(String detail) {
        return WebhookRejectedException.badRequest("invalid_payload", detail);
    }
}
