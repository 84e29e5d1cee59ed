package com.pmsbridge.connector.connection;

import com.pmsbridge.connector.adapter.OutboundTargets;
import com.pmsbridge.connector.adapter.PmsAdapters;
import com.pmsbridge.connector.adapter.PmsUnavailableException;
import com.pmsbridge.connector.webhook.WebhookRejections;
import com.pmsbridge.contract.event.Op;
import com.pmsbridge.service.security.CallerOrg;
import io.quarkus.panache.common.Sort;
import org.eclipse.microprofile.openapi.annotations.Operation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Connections of the caller's organisation: admins create and change them, everyone with a role reads them. */
@Path("/api/v1/connections")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConnectionResource {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,98}[a-z0-9]");
    private static final SecureRandom RANDOM = new SecureRandom();
    private final CallerOrg caller;
    private final PmsAdapters adapters;
    private final ConnectionAccess access;
    private final ConnectionSecrets secrets;
    private final SecretsConfig secretsConfig;
    private final OutboundTargets outbound;

    private final ConnectionsConfig connectionsConfig;
    private final ConnectionHealth health;

    ConnectionResource(
            CallerOrg caller,
            PmsAdapters adapters,
            ConnectionAccess access,
            ConnectionSecrets secrets,
            SecretsConfig secretsConfig,
            OutboundTargets outbound,
            ConnectionsConfig connectionsConfig,
            ConnectionHealth health) {
        this.connectionsConfig = connectionsConfig;
        this.health = health;
        this.caller = caller;
        this.adapters = adapters;
        this.access = access;
        this.secrets = secrets;
        this.secretsConfig = secretsConfig;
        this.outbound = outbound;
    }

    @GET
    @RolesAllowed({"viewer", "operator", "admin"})
    @Transactional
    @Operation(summary = "List the organisation's PMS connections with their status")
    public List<ConnectionView> list() {
        return Connection.<Connection>list("org", Sort.by("id"), caller.value()).stream()
                .map(ConnectionResource::view)
                .toList();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"viewer", "operator", "admin"})
    @Transactional
    public ConnectionView get(@PathParam("id") String id) {
        return view(access.owned(id));
    }

    @POST
    @RolesAllowed("admin")
    @Transactional
    @Operation(summary = "Create a PMS connection")
    public Response create(ConnectionRequest request) {
        if (request == null) {
            throw new BadRequestException("a connection document is required");
        }
        if (request.id() != null && !connectionsConfig.allowProposedIds()) {
            // a chosen id could be probed (409 says it exists somewhere); the server's ids cannot be guessed
            throw new BadRequestException(
                    "field 'id' cannot be chosen: the server gives each new connection an unguessable id");
        }
        if (request.id() != null && !ID.matcher(request.id()).matches()) {
            throw new BadRequestException("field 'id' must be 3-100 characters of a-z, 0-9 and '-'");
        }
        String id = request.id() == null ? generatedId() : request.id();
        // an id is never used twice, not even after a delete: data keyed by it stays one organisation's
        if (Connection.findById(id) != null || RetiredConnectionId.findById(id) != null) {
            throw new ClientErrorException("the connection id '" + id + "' is not available", 409);
        }
        Connection connection = new Connection();
        connection.id = id;
        connection.org = caller.value();
        apply(connection, request);
        connection.persist();
        return Response.status(201).entity(view(connection)).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed("admin")
    @Transactional
    public ConnectionView update(@PathParam("id") String id, ConnectionRequest request) {
        Connection connection = access.owned(id);
        apply(connection, request);
        connection.updatedAt = Instant.now();
        return view(connection);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed("admin")
    @Transactional
    public Response delete(@PathParam("id") String id) {
        Connection connection = access.owned(id);
        RetiredConnectionId.retire(connection);
        connection.delete();
        return Response.noContent().build();
    }

    /** Whether the PMS answers this connection now, read with its own credentials: one record of its first type. */
    public record ProbeResult(boolean reachable, String reason, long millis) {}

    @POST
    @Path("{id}/test")
    @RolesAllowed({"operator", "admin"})
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Test the connection: one small read from the PMS with its credentials; the answer's reason"
                    + " is a code (never the PMS's text)")
    public ProbeResult test(@PathParam("id") String id) {
        Connection connection = access.owned(id);
        var adapter = adapters.forType(connection.pmsType).orElseThrow();
        if (adapter.listableTypes().isEmpty()) {
            return new ProbeResult(false, "push_only", 0);
        }
        long started = System.nanoTime();
        try {
            adapter.list(connection, adapter.listableTypes().iterator().next(), null, 0, 1, Op.SNAPSHOT);
            health.succeeded(connection.id);
            return new ProbeResult(true, null, (System.nanoTime() - started) / 1_000_000);
        } catch (PmsUnavailableException e) {
            health.failed(connection.id, e);
            return new ProbeResult(false, e.getMessage(), (System.nanoTime() - started) / 1_000_000);
        }
    }

    @PUT
    @Path("{id}/credentials")
    @RolesAllowed("admin")
    @Transactional
    @Operation(summary = "Set the connection's API credentials and/or webhook secret (write-only; never returned)")
    public CredentialsView setCredentials(@PathParam("id") String id, CredentialsRequest request) {
        Connection connection = access.owned(id);
        if (request == null || (request.credential() == null && request.webhookSecret() == null)) {
            throw new BadRequestException("give 'credential', 'webhookSecret' or both");
        }
        requireSecret(request.credential(), "credential");
        requireSecret(request.webhookSecret(), "webhookSecret");
        if (request.credential() != null) {
            secrets.set(connection.id, SecretKind.CREDENTIAL, request.credential());
        }
        if (request.webhookSecret() != null) {
            secrets.set(connection.id, SecretKind.WEBHOOK, request.webhookSecret());
        }
        return credentials(connection.id);
    }

    @GET
    @Path("{id}/credentials")
    @RolesAllowed("admin")
    @Transactional
    @Operation(summary = "Fingerprints and rotation times of the connection's secrets")
    public CredentialsView getCredentials(@PathParam("id") String id) {
        Connection connection = access.owned(id);
        return credentials(connection.id);
    }

    private CredentialsView credentials(String connectionId) {
        return new CredentialsView(
                secrets.summary(connectionId, SecretKind.CREDENTIAL).orElse(null),
                secrets.summary(connectionId, SecretKind.WEBHOOK).orElse(null));
    }

    private void requireSecret(String value, String field) {
        if (value != null && (value.isBlank() || value.length() > secretsConfig.maxLength())) {
            throw new BadRequestException(
                    "field '" + field + "' must be 1-" + secretsConfig.maxLength() + " characters");
        }
    }

    private static String generatedId() {
        byte[] bytes = new byte[10];
        RANDOM.nextBytes(bytes);
        return "c-" + HexFormat.of().formatHex(bytes);
    }

    private void apply(Connection connection, ConnectionRequest request) {
        if (request.pmsType() == null || adapters.forType(request.pmsType()).isEmpty()) {
            throw new BadRequestException("field 'pmsType' must be one of " + adapters.types());
        }
        if (request.credentialRef() != null || request.webhookSecretRef() != null) {
            throw new BadRequestException("secrets are not referenced by name: set them with PUT /api/v1/connections/"
                    + connection.id + "/credentials");
        }
        outbound.requireAllowed(request.pmsType(), request.apiBaseUrl(), "apiBaseUrl");
        outbound.requireAllowed(request.pmsType(), request.webhookIssuerUrl(), "webhookIssuerUrl");
        if (request.displayName() != null
                && (request.displayName().isBlank() || request.displayName().length() > 200)) {
            throw new BadRequestException("field 'displayName' must be 1-200 characters");
        }
        if (request.apiBaseUrl() != null && request.apiBaseUrl().length() > 500) {
            throw new BadRequestException("field 'apiBaseUrl' must be at most 500 characters");
        }
        if (request.pollIntervalSeconds() != null && request.pollIntervalSeconds() < 10) {
            throw new BadRequestException("field 'pollIntervalSeconds' must be at least 10");
        }
        ConnectionSettings.check(request.settings());
        connection.pmsType = request.pmsType();
        connection.displayName = request.displayName() == null ? connection.id : request.displayName();
        connection.apiBaseUrl = request.apiBaseUrl();
        connection.webhookIssuerUrl = request.webhookIssuerUrl();
        connection.mode = request.mode() == null ? ConnectionMode.WEBHOOK : request.mode();
        connection.pollIntervalSeconds = request.pollIntervalSeconds() == null ? 300 : request.pollIntervalSeconds();
        connection.fieldMapping =
                request.fieldMapping() == null ? new HashMap<>() : new HashMap<>(request.fieldMapping());
        connection.settings = request.settings() == null ? new HashMap<>() : new HashMap<>(request.settings());
    }

    static ConnectionView view(Connection c) {
        Map<String, Instant> lastSync = new LinkedHashMap<>();
        for (Object[] row : Connection.getEntityManager()
                .createQuery(
                        "select p.entityType, p.lastSuccessAt from PollCursor p where p.connectionId = ?1 order by p.entityType",
                        Object[].class)
                .setParameter(1, c.id)
                .getResultList()) {
            lastSync.put((String) row[0], (Instant) row[1]);
        }
        return new ConnectionView(
                c.id,
                c.org,
                c.pmsType,
                c.displayName,
                c.apiBaseUrl,
                c.webhookIssuerUrl,
                c.mode,
                c.pollIntervalSeconds,
                c.status,
                c.lastSuccessAt,
                c.lastError,
                lastSync,
                c.fieldMapping,
                c.settings,
                WebhookRejections.lastDay(Connection.getEntityManager(), c.id));
    }
}
