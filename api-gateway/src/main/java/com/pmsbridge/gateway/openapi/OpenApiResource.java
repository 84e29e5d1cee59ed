package com.pmsbridge.gateway.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /openapi}: the merged OpenAPI document (Swagger UI at /q/swagger-ui reads it). */
@Path("/openapi")
public class OpenApiResource {
    private final OpenApiAggregator aggregator;

    OpenApiResource(OpenApiAggregator aggregator) {
        this.aggregator = aggregator;
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode document() {
        return aggregator.document();
    }
}
