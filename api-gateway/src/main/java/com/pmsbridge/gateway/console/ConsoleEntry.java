package com.pmsbridge.gateway.console;

import io.quarkus.security.Authenticated;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** {@code /console} opens the Integration Queue, where an operator's day starts. */
@Path("/console")
@Authenticated
public class ConsoleEntry {
    @GET
    public Response open() {
        return Response.seeOther(URI.create("/console/queue")).build();
    }
}
