package com.pmsbridge.gateway.console;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import org.jboss.resteasy.reactive.RestStreamElementType;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The queue's change stream for the open console page: queue-service's server-sent events, asked for with the
 * signed-in user's token, relayed as they come. The page reloads its rows on each {@code changed}.
 */
@Path("/console/queue/changes")
@Authenticated
public class QueueChanges {
    private final ConsoleBackend backend;
    private final Viewer viewer;

    QueueChanges(ConsoleBackend backend, Viewer viewer) {
        this.backend = backend;
        this.viewer = viewer;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.TEXT_PLAIN)
    public Multi<String> changes() {
        return backend.stream(viewer.token(), "/api/v1/queue/changes");
    }
}
