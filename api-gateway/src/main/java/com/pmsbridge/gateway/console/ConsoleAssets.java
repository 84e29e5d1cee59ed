package com.pmsbridge.gateway.console;

import io.quarkus.security.Authenticated;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** The console's one stylesheet and one script, served from the deployment itself (nothing from outside). */
@Path("/console/assets")
@Authenticated
public class ConsoleAssets {
    private static final Map<String, String> TYPES =
            Map.of("console.css", "text/css; charset=utf-8", "console.js", "text/javascript; charset=utf-8");

    @GET
    @Path("{name}")
    public Response asset(@PathParam("name") String name) {
        String type = TYPES.get(name);
        if (type == null) {
            throw new NotFoundException();
        }
        try (InputStream in = ConsoleAssets.class.getResourceAsStream("/console/" + name)) {
            return Response.ok(in.readAllBytes(), type)
                    .header("Cache-Control", "private, max-age=300")
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
