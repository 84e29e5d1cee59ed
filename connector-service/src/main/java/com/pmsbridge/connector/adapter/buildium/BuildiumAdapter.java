package com.pmsbridge.connector.adapter.buildium;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pmsbridge.connector.adapter.EntityReference;
import com.pmsbridge.connector.adapter.HmacSignatures;
import com.pmsbridge.connector.adapter.MappingException;
import com.pmsbridge.connector.adapter.ParsedWebhook;
import com.pmsbridge.connector.adapter.PmsAdapter;
import com.pmsbridge.connector.adapter.PmsHttpClient;
import com.pmsbridge.connector.adapter.PmsPage;
import com.pmsbridge.connector.adapter.PmsRequest;
import com.pmsbridge.connector.adapter.PmsUnavailableException;
import com.pmsbridge.connector.adapter.WebhookRejectedException;
import com.pmsbridge.connector.adapter.WebhookRequest;
import com.pmsbridge.connector.connection.Connection;
import com.pmsbridge.connector.connection.ConnectionSecrets;
import com.pmsbridge.connector.connection.ConnectionSettings;
import com.pmsbridge.contract.ContractJson;
import com.pmsbridge.contract.EntityType;
import com.pmsbridge.contract.event.ChangeEvent;
import com.pmsbridge.contract.event.Op;
import com.pmsbridge.contract.event.WritebackCommand;
import com.pmsbridge.contract.model.CanonicalEntity;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Buildium Open API v1: signed thin webhooks, entity reads with client id/secret headers, paged listings with
 * {@code lastupdatedfrom}, and write-back to work orders, tasks, applicants, lease charges and tenants.
 */
@ApplicationScoped
public class BuildiumAdapter implements PmsAdapter {
    static final String TIMESTAMP_HEADER = "buildium-webhook-timestamp";
    static final String SIGNATURE_HEADER = "buildium-webhook-signature";
    private static final ObjectMapper JSON = ContractJson.mapper();
    private static final Map<EntityType, String> LIST_PATHS = Map.of(
            EntityType.PROPERTY, "/v1/rentals",
            EntityType.UNIT, "/v1/rentals/units",
            EntityType.LEASE, "/v1/leases",
            EntityType.RESIDENT, "/v1/leases/tenants",
            EntityType.WORKORDER, "/v1/workorders",
            EntityType.VENDOR, "/v1/vendors",
            EntityType.LEAD, "/v1/applicants");

    private final ConnectionSecrets secrets;
    private final PmsHttpClient http;
    private final BuildiumConfig config;

    BuildiumAdapter(ConnectionSecrets secrets, PmsHttpClient http, BuildiumConfig config) {
        this.secrets = secrets;
        this.http = http;
        this.config = config;
    }

    @Override
    public String pmsType() {
        return "buildium";
    }

    @Override
    public void verify(WebhookRequest request, Connection connection) {
        HmacSignatures.verify(
                request,
                secrets.webhookSecrets(connection),
                TIMESTAMP_HEADER,
                SIGNATURE_HEADER,
                "base64(HMAC-SHA256)",
                config.replayWindow(),
                Base64.getDecoder()::decode);
    }

    @Override
    public ParsedWebhook parse(WebhookRequest request, Connection connection) {
        JsonNode event;
        try {
            event = JSON.readTree(request.body());
        } catch (IOException e) {
            throw WebhookRejectedException.badRequest(
                    "malformed_json",
                    "malformed JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (event == null || !event.isObject()) {
            throw WebhookRejectedException.badRequest("invalid_payload", "the body must be a JSON object");
        }
        String eventName = event.path("EventName").asText("");
        if (eventName.isBlank()) {
            throw WebhookRejectedException.badRequest("invalid_payload", "field 'EventName' is required");
        }
        Instant occurredAt = instant(event.path("EventDateTime").asText(""));
        // Buildium events carry no id: the event's own content (name, time, ids) identifies a redelivery.
        String pmsEventId = UUID.nameUUIDFromBytes(request.body()).toString();
        Optional<BuildiumEvents.Target> target = BuildiumEvents.target(eventName);
        if (target.isEmpty()) {
            return ParsedWebhook.thin(pmsEventId, List.of());
        }
        JsonNode id = event.path(target.get().idField());
        if (!id.isIntegralNumber()) {
            throw WebhookRejectedException.badRequest(
                    "invalid_payload",
                    "field '" + target.get().idField() + "' is required for " + eventName + " and must be an integer");
        }
        Map<String, String> context = event.path("LeaseId").isIntegralNumber()
                ? Map.of("LeaseId", event.path("LeaseId").asText())
                : Map.of();
        return ParsedWebhook.thin(
                pmsEventId,
                List.of(new EntityReference(
                        target.get().type(),
                        id.asText(),
                        BuildiumEvents.op(eventName),
                        occurredAt,
                        pmsEventId,
                        context)));
    }

    @Override
    public Optional<ChangeEvent> fetch(Connection connection, EntityReference reference) {
        String path;
        if (reference.entityType() == EntityType.CHARGE) {
            Optional<String> lease = reference.context().containsKey("LeaseId")
                    ? Optional.of(reference.context().get("LeaseId"))
                    : leaseOfTransaction(connection, reference.externalId());
            if (lease.isEmpty()) {
                return Optional.empty(); // not a lease's transaction (or gone): nothing for a lease to show
            }
            path = "/v1/leases/" + lease.get() + "/transactions/" + reference.externalId();
        } else {
            path = LIST_PATHS.get(reference.entityType()) + "/" + reference.externalId();
        }
        PmsHttpClient.Answer answer = get(connection, path);
        if (answer.status() == 404) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        JsonNode record = parse(answer.body(), path);
        return Optional.of(toChange(
                connection,
                reference.entityType(),
                record,
                reference.op(),
                reference.pmsEventId(),
                reference.occurredAt(),
                now));
    }

    /**
     * A LeaseTransaction event names only the transaction (TransactionId, TransactionType): the general ledger says
     * which lease it belongs to (its unit agreement of type Lease).
     */
    private Optional<String> leaseOfTransaction(Connection connection, String transactionId) {
        String path = "/v1/generalledger/transactions/" + transactionId;
        PmsHttpClient.Answer answer = get(connection, path);
        if (answer.status() == 404) {
            return Optional.empty();
        }
        JsonNode agreement = parse(answer.body(), path).path("UnitAgreement");
        return "Lease".equals(agreement.path("Type").asText())
                        && agreement.path("Id").isIntegralNumber()
                ? Optional.of(agreement.path("Id").asText())
                : Optional.empty();
    }

    @Override
    public Set<EntityType> listableTypes() {
        return LIST_PATHS.keySet();
    }

    @Override
    public PmsPage list(Connection connection, EntityType type, Instant updatedSince, int offset, int limit, Op op) {
        StringBuilder path = new StringBuilder(LIST_PATHS.get(type))
                .append("?orderby=Id&offset=")
                .append(offset)
                .append("&limit=")
                .append(Math.min(limit, 1000));
        if (updatedSince != null) {
            path.append("&lastupdatedfrom=").append(lastUpdatedFrom(type, updatedSince));
        }
        Instant now = Instant.now();
        PmsHttpClient.Answer answer = get(connection, path.toString());
        JsonNode records = parse(answer.body(), path.toString());
        if (!records.isArray()) {
            throw new PmsUnavailableException("Buildium answered a listing with a non-array body", answer.status());
        }
        List<ChangeEvent> changes = new ArrayList<>();
        List<MappingException> rejects = new ArrayList<>();
        for (JsonNode record : records) {
            try {
                changes.add(toChange(connection, type, record, op, null, null, now));
            } catch (MappingException e) {
                rejects.add(e);
            }
        }
        String total = answer.header("X-Total-Count");
        return new PmsPage(changes, rejects, total == null ? records.size() : Integer.parseInt(total), records.size());
    }

    @Override
    public String write(Connection connection, WritebackCommand command) {
        return new BuildiumWriter(this, connection).write(command);
    }

    /**
     * The document's format for {@code lastupdatedfrom}: a date-time in whole seconds, except for work orders, which
     * take a date (the day it falls on, so a poll re-reads at most that day; unchanged records are not emitted).
     */
    static String lastUpdatedFrom(EntityType type, Instant since) {
        Instant seconds = since.truncatedTo(ChronoUnit.SECONDS);
        return type == EntityType.WORKORDER
                ? seconds.atZone(ZoneOffset.UTC).toLocalDate().toString()
                : seconds.toString();
    }

    PmsHttpClient.Answer get(Connection connection, String path) {
        return http.send(connection.id, pmsType(), request(connection, path));
    }

    PmsHttpClient.Answer send(Connection connection, String method, String path, Object body) {
        try {
            String json = JSON.writeValueAsString(body);
            return http.send(connection.id, pmsType(), request(connection, path).withJson(method, json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private PmsRequest request(Connection connection, String path) {
        String credentials = secrets.credential(connection)
                .orElseThrow(() -> new PmsUnavailableException(
                        "connection " + connection.id + " has no Buildium credentials configured", 401));
        int colon = credentials.indexOf(':');
        if (colon < 0) {
            throw new PmsUnavailableException("Buildium credentials must be 'clientId:clientSecret'", 401);
        }
        return PmsRequest.get(PmsHttpClient.uri(connection.apiBaseUrl, path))
                .header("x-buildium-client-id", credentials.substring(0, colon))
                .header("x-buildium-client-secret", credentials.substring(colon + 1));
    }

    private static ChangeEvent toChange(
            Connection connection,
            EntityType type,
            JsonNode record,
            Op op,
            String pmsEventId,
            Instant occurredAt,
            Instant fetchedAt) {
        CanonicalEntity entity = BuildiumMapper.map(type, record, ConnectionSettings.currency(connection));
        // Leases and applicants carry their own last-modified time; for the others the read time is the version:
        // the record is the PMS's state as of that read. A poll's or Sync's event time is that last-modified time
        // too, so freshness shows the polling lag.
        String lastUpdated = BuildiumMapper.lastUpdated(record);
        String version = lastUpdated != null ? normalise(lastUpdated) : fetchedAt.toString();
        return new ChangeEvent(
                ChangeEvent.SCHEMA_VERSION,
                UUID.randomUUID().toString(),
                connection.org,
                connection.id,
                "buildium",
                type,
                entity.id(),
                op,
                version,
                pmsEventId,
                occurredAt != null ? occurredAt : recordTime(lastUpdated, fetchedAt),
                fetchedAt,
                BuildiumMapper.fields(entity),
                lastUpdated == null);
    }

    /** When a polled or Synced record changed in the PMS: its own last-updated time, else when it was read. */
    private static Instant recordTime(String lastUpdated, Instant fetchedAt) {
        if (lastUpdated == null) {
            return fetchedAt;
        }
        try {
            return Instant.parse(normalise(lastUpdated));
        } catch (DateTimeParseException e) {
            return fetchedAt;
        }
    }

    private static String normalise(String time) {
        try {
            return Instant.parse(time.endsWith("Z") || time.contains("+") ? time : time + "Z")
                    .toString();
        } catch (DateTimeParseException e) {
            return time;
        }
    }

    private static JsonNode parse(String body, String path) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new MappingException("Buildium answered " + path + " with malformed JSON", body);
        }
    }

    private static Instant instant(String value) {
        try {
            return value.isBlank() ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw WebhookRejectedException.badRequest(
                    "invalid_payload", "field 'EventDateTime' must be an ISO-8601 UTC time");
        }
    }
}
