package com.pmsbridge.connector.adapter.appfolio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.pmsbridge.connector.adapter.EntityReference;
import com.pmsbridge.connector.adapter.MappingException;
import com.pmsbridge.connector.adapter.ParsedWebhook;
import com.pmsbridge.connector.adapter.PmsAdapter;
import com.pmsbridge.connector.adapter.PmsHttpClient;
import com.pmsbridge.connector.adapter.PmsRequest;
import com.pmsbridge.connector.adapter.PmsUnavailableException;
import com.pmsbridge.connector.adapter.WebhookRejectedException;
import com.pmsbridge.connector.adapter.WebhookRequest;
import com.pmsbridge.connector.connection.Connection;
import com.pmsbridge.connector.connection.ConnectionSecrets;
import com.pmsbridge.contract.ContractJson;
import com.pmsbridge.contract.EntityType;
import com.pmsbridge.contract.event.ChangeEvent;
import com.pmsbridge.contract.event.Op;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * AppFolio Stack webhooks: thin events verified by a detached JWS ({@code X-JWS-Signature}, PS256, key by {@code kid}
 * from the issuer's JWKS), a replay window on {@code message_sent_at}, then the entity read from the API base with
 * HTTP Basic credentials.
 */
@ApplicationScoped
public class AppFolioAdapter implements PmsAdapter {
    static final String SIGNATURE_HEADER = "X-JWS-Signature";
    private static final Map<String, EntityType> TOPICS = Map.of(
            "work_order_updates", EntityType.WORKORDER,
            "tenant_updates", EntityType.RESIDENT,
            "lease_updates", EntityType.LEASE,
            "property_updates", EntityType.PROPERTY,
            "unit_updates", EntityType.UNIT);
    private static final Map<EntityType, String> RESOURCES = Map.of(
            EntityType.WORKORDER,
            "work_orders",
            EntityType.RESIDENT,
            "tenants",
            EntityType.LEASE,
            "leases",
            EntityType.PROPERTY,
            "properties",
            EntityType.UNIT,
            "units");

    private final JwksCache jwks;
    private final ConnectionSecrets secrets;
    private final PmsHttpClient http;
    private final AppFolioConfig config;

    AppFolioAdapter(JwksCache jwks, ConnectionSecrets secrets, PmsHttpClient http, AppFolioConfig config) {
        this.jwks = jwks;
        this.secrets = secrets;
        this.http = http;
        this.config = config;
    }

    @Override
    public String pmsType() {
        return "appfolio";
    }

    @Override
    public void verify(WebhookRequest request, Connection connection) {
        String jws = request.header(SIGNATURE_HEADER);
        if (jws == null || jws.isBlank()) {
            throw WebhookRejectedException.unauthorized("signature_missing", "missing header " + SIGNATURE_HEADER);
        }
        String[] parts = jws.trim().split("\\.", -1);
        if (parts.length != 3 || !parts[1].isEmpty()) {
            throw WebhookRejectedException.unauthorized(
                    "signature_invalid", SIGNATURE_HEADER + " must be a detached JWS <header>..<signature>");
        }
        JsonNode header = decodeHeader(parts[0]);
        if (!"PS256".equals(header.path("alg").asText())) {
            throw WebhookRejectedException.unauthorized("signature_invalid", "JWS algorithm must be PS256");
        }
        if (connection.webhookIssuerUrl == null) {
            throw WebhookRejectedException.unauthorized(
                    "secret_unavailable", "the connection has no webhook issuer configured");
        }
        RSAPublicKey key = jwks.key(
                        connection.webhookIssuerUrl, header.path("kid").asText())
                .orElseThrow(() -> WebhookRejectedException.unauthorized(
                        "signature_invalid", "JWS key id is not in the issuer's JWKS"));
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(request.body());
        if (!verifyPs256(key, parts[0] + "." + payload, parts[2])) {
            throw WebhookRejectedException.unauthorized("signature_invalid", "signature does not match the body");
        }
        // one issuer signs every AppFolio customer's events: the client id binds an event to this connection
        String clientId = event(request).path("client_id").asText("");
        String expected = secrets.credential(connection)
                .map(credential -> credential.substring(0, Math.max(0, credential.indexOf(':'))))
                .orElse("");
        if (expected.isEmpty() || !expected.equals(clientId)) {
            throw WebhookRejectedException.unauthorized("signature_invalid", "the event is not for this connection");
        }
        Instant sent = instant(event(request).path("message_sent_at").asText(""), "message_sent_at");
        if (Duration.between(sent, request.receivedAt()).abs().compareTo(config.replayWindow()) > 0) {
            throw WebhookRejectedException.unauthorized(
                    "timestamp_stale",
                    "message_sent_at is outside the accepted window of "
                            + config.replayWindow().toSeconds() + " s");
        }
    }

    @Override
    public ParsedWebhook parse(WebhookRequest request, Connection connection) {
        JsonNode event = event(request);
        String id = event.path("id").asText("");
        String topic = event.path("topic").asText("");
        String entityId = event.path("entity_id").asText("");
        if (id.isBlank() || topic.isBlank() || entityId.isBlank()) {
            throw WebhookRejectedException.badRequest(
                    "invalid_payload", "fields 'id', 'topic' and 'entity_id' are required");
        }
        EntityType type = TOPICS.get(topic);
        if (type == null) {
            return ParsedWebhook.thin(id, List.of());
        }
        Instant updated = instant(event.path("update_timestamp").asText(""), "update_timestamp");
        return ParsedWebhook.thin(id, List.of(new EntityReference(type, entityId, Op.UPDATE, updated, id, Map.of())));
    }

    @Override
    public Optional<ChangeEvent> fetch(Connection connection, EntityReference reference) {
        String credentials = secrets.credential(connection)
                .orElseThrow(() -> new PmsUnavailableException(
                        "connection " + connection.id + " has no AppFolio credentials configured", 401));
        String path = "/api/v1/" + RESOURCES.get(reference.entityType()) + "/" + reference.externalId();
        PmsHttpClient.Answer answer = http.send(
                connection.id,
                pmsType(),
                PmsRequest.get(PmsHttpClient.uri(connection.apiBaseUrl, path))
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString(credentials.getBytes(StandardCharsets.UTF_8))));
        if (answer.status() == 404) {
            return Optional.empty();
        }
        JsonNode record;
        try {
            record = ContractJson.mapper().readTree(answer.body());
        } catch (JsonProcessingException e) {
            throw new MappingException("AppFolio answered " + path + " with malformed JSON", answer.body());
        }
        Map<String, Object> data = AppFolioMapper.map(reference.entityType(), record);
        Instant now = Instant.now();
        boolean recordTime = record.path("updated_at").isTextual();
        String version = recordTime ? record.path("updated_at").asText() : now.toString();
        return Optional.of(new ChangeEvent(
                ChangeEvent.SCHEMA_VERSION,
                UUID.randomUUID().toString(),
                connection.org,
                connection.id,
                pmsType(),
                reference.entityType(),
                (String) data.get("id"),
                reference.op(),
                version,
                reference.pmsEventId(),
                reference.occurredAt() == null ? now : reference.occurredAt(),
                now,
                data,
                !recordTime));
    }

    private static boolean verifyPs256(RSAPublicKey key, String signingInput, String signature) {
        try {
            Signature verifier = Signature.getInstance("RSASSA-PSS");
            verifier.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
            verifier.initVerify(key);
            verifier.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return verifier.verify(Base64.getUrlDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static JsonNode decodeHeader(String encoded) {
        try {
            return ContractJson.mapper().readTree(Base64.getUrlDecoder().decode(encoded));
        } catch (IOException | IllegalArgumentException e) {
            throw WebhookRejectedException.unauthorized("signature_invalid", "JWS header is not base64url JSON");
        }
    }

    private static JsonNode event(WebhookRequest request) {
        try {
            JsonNode node = ContractJson.mapper().readTree(request.body());
            if (node == null || !node.isObject()) {
                throw WebhookRejectedException.badRequest("invalid_payload", "the body must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw WebhookRejectedException.badRequest("malformed_json", "malformed JSON body");
        }
    }

    private static Instant instant(String value, String field) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw WebhookRejectedException.badRequest(
                    "invalid_payload", "field '" + field + "' must be an ISO-8601 UTC time");
        }
    }
}
