package com.pmsbridge.gateway.routing;

import io.quarkus.security.Authenticated;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.concurrent.CompletionStage;

/**
 * The public routes: {@code /api/v1/**} (bearer token checked here and again by the backend) and
 * {@code /webhooks/**} (no OIDC; the connector verifies the PMS signature over the untouched body bytes).
 */
@Path("/")
@Consumes(MediaType.WILDCARD)
public class ProxyResource {
    private final Proxy proxy;

    ProxyResource(Proxy proxy) {
        this.proxy = proxy;
    }

    @GET
    @Authenticated
    @Path("api/v1/{path: .+}")
    public CompletionStage<Response> get(@Context Request request, @Context UriInfo uri, @Context HttpHeaders headers) {
        return proxy.forward(request.getMethod(), uri, headers, null);
    }

    @DELETE
    @Authenticated
    @Path("api/v1/{path: .+}")
    public CompletionStage<Response> delete(
            @Context Request request, @Context UriInfo uri, @Context HttpHeaders headers) {
        return proxy.forward(request.getMethod(), uri, headers, null);
    }

    @POST
    @Authenticated
    @Path("api/v1/{path: .+}")
    public CompletionStage<Response> post(
            @Context Request request, @Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return proxy.forward(request.getMethod(), uri, headers, body);
    }

    @PUT
    @Authenticated
    @Path("api/v1/{path: .+}")
    public CompletionStage<Response> put(
            @Context Request request, @Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return proxy.forward(request.getMethod(), uri, headers, body);
    }

    @PATCH
    @Authenticated
    @Path("api/v1/{path: .+}")
    public CompletionStage<Response> patch(
            @Context Request request, @Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return proxy.forward(request.getMethod(), uri, headers, body);
    }

    @POST
    @PermitAll
    @Path("webhooks/{connectionId}")
    public CompletionStage<Response> webhook(
            @Context Request request, @Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return proxy.forward(request.getMethod(), uri, headers, body);
    }
}
