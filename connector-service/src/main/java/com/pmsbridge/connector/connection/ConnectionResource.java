package com.pmsbridge.connector.connection;

import com.pmsbridge.connector.adapter.PmsAdapters;
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

import java.time.Instant;
import java.util.HashMap;
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
    private static final Pattern SECRET_REF = Pattern.compile("env:[A-Z][A-Z0-9_]*");
    private final CallerOrg caller;
    private final PmsAdapters adapters;
    private final ConnectionAccess access;

    ConnectionResource(CallerOrg caller, PmsAdapters adapters, ConnectionAccess access) {
        this.caller = caller;
        this.adapters = adapters;
        this.access = access;
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
        if (request == null || request.id() == null || !ID.matcher(request.id()).matches()) {
            throw new BadRequestException("field 'id' must be 3-100 characters of a-z, 0-9 and '-'");
        }
        if (Connection.findById(request.id()) != null) {
            throw new ClientErrorException("a connection with id '" + request.id() + "' exists", 409);
        }
        Connection connection = new Connection();
        connection.id = request.id();
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
        access.owned(id).delete();
        return Response.noContent().build();
    }

    private void apply(Connection connection, ConnectionRequest request) {
        if (request.pmsType() == null || adapters.forType(request.pmsType()).isEmpty()) {
            throw new BadRequestException("field 'pmsType' must be one of " + adapters.types());
        }
        requireReference(request.credentialRef(), "credentialRef");
        requireReference(request.webhookSecretRef(), "webhookSecretRef");
        if (request.pollIntervalSeconds() != null && request.pollIntervalSeconds() < 10) {
            throw new BadRequestException("field 'pollIntervalSeconds' must be at least 10");
        }
        connection.pmsType = request.pmsType();
        connection.displayName = request.displayName() == null ? connection.id : request.displayName();
        connection.apiBaseUrl = request.apiBaseUrl();
        connection.credentialRef = request.credentialRef();
        connection.webhookSecretRef = request.webhookSecretRef();
        connection.webhookIssuerUrl = request.webhookIssuerUrl();
        connection.mode = request.mode() == null ? ConnectionMode.WEBHOOK : request.mode();
        connection.pollIntervalSeconds = request.pollIntervalSeconds() == null ? 300 : request.pollIntervalSeconds();
        connection.fieldMapping =
                request.fieldMapping() == null ? new HashMap<>() : new HashMap<>(request.fieldMapping());
    }

    private static void requireReference(String value, String field) {
        if (value != null && !SECRET_REF.matcher(value).matches()) {
            throw new BadRequestException(
                    "field '" + field + "' must be a reference like env:NAME, never the secret itself");
        }
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
                c.credentialRef,
                c.webhookSecretRef,
                c.webhookIssuerUrl,
                c.mode,
                c.pollIntervalSeconds,
                c.status,
                c.lastSuccessAt,
                c.lastError,
                lastSync,
                c.fieldMapping);
    }
}
