package com.pmsbridge.gateway.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import org.jboss.resteasy.reactive.RestQuery;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Map;

/** A platform admin's page: rebuild the projection from the event store, and watch its progress. */
@Path("/console/platform")
@Authenticated
@Blocking
@Produces(MediaType.TEXT_HTML)
public class PlatformPage {
    private static final String REBUILDS = "/api/v1/entities/_rebuilds";
    private final ConsoleBackend backend;
    private final Viewer viewer;
    private final Template platform;
    private final Template rebuild;

    PlatformPage(
            ConsoleBackend backend,
            Viewer viewer,
            @Location("console/platform.html") Template platform,
            @Location("console/rebuild.html") Template rebuild) {
        this.backend = backend;
        this.viewer = viewer;
        this.platform = platform;
        this.rebuild = rebuild;
    }

    @GET
    public TemplateInstance page(@RestQuery String run, @RestQuery String done, @RestQuery String failed) {
        return platform.data("run", run == null ? null : progressOf(run))
                .data("runId", run)
                .data("done", done)
                .data("failed", failed);
    }

    @GET
    @Path("rebuilds/{id}")
    public TemplateInstance progress(@PathParam("id") String id) {
        return rebuild.data("run", progressOf(id)).data("runId", id);
    }

    @POST
    @Path("rebuilds")
    public Response start() {
        ConsoleBackend.Reply reply = backend.send(viewer.token(), "POST", REBUILDS, null);
        String back = reply.ok()
                ? "/console/platform?run="
                        + ConsoleLinks.segment(reply.body().path("id").asText())
                : "/console/platform";
        return ConsoleLinks.after(back, "/console/platform", reply, "Rebuild started");
    }

    private Map<?, ?> progressOf(String id) {
        ConsoleBackend.Reply reply = backend.get(viewer.token(), REBUILDS + "/" + ConsoleLinks.segment(id), Map.of());
        return reply.ok() ? reply.as(Map.class) : null;
    }
}
