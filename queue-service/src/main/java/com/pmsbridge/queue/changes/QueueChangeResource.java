package com.pmsbridge.queue.changes;

import com.pmsbridge.service.security.CallerOrg;
import io.smallrye.mutiny.Multi;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestStreamElementType;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Duration;

/**
 * The caller's organisation's queue changes as server-sent events. A stream ends after a while so that the client
 * reconnects with a current token (EventSource does so by itself); the token is checked at every connect.
 */
@Path("/api/v1/queue/changes")
public class QueueChangeResource {
    static final Duration HEARTBEAT = Duration.ofSeconds(20);
    static final Duration LIFETIME = Duration.ofMinutes(5);
    private final CallerOrg caller;
    private final QueueChangeListener listener;

    QueueChangeResource(CallerOrg caller, QueueChangeListener listener) {
        this.caller = caller;
        this.listener = listener;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @RolesAllowed({"viewer", "operator", "admin"})
    @Operation(
            summary = "Server-sent events: 'changed' whenever items of the caller's organisation are added or decided,"
                    + " 'heartbeat' every 20 s; the stream closes after 5 minutes, reconnect to go on")
    public Multi<QueueChange> changes() {
        String org = caller.value(); // read on the request's thread: the stream outlives the request scope
        Multi<QueueChange> changed =
                listener.organisations().filter(org::equals).map(changedOrg -> QueueChange.changed());
        Multi<QueueChange> heartbeats =
                Multi.createFrom().ticks().every(HEARTBEAT).map(tick -> QueueChange.heartbeat());
        return Multi.createBy()
                .merging()
                .streams(Multi.createFrom().item(QueueChange.heartbeat()), changed, heartbeats)
                .select()
                .first(LIFETIME);
    }
}
