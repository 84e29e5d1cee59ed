package com.pmsbridge.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Auto-apply per item type, organisation-wide or for one property, and "enable all". Turning a type on offers to
 * apply the items of that type already pending.
 */
@Path("/console/settings")
@Authenticated
@Blocking
@Produces(MediaType.TEXT_HTML)
public class SettingsPage {
    static final List<String> ITEM_TYPES = List.of(
            "MOVE_IN",
            "MOVE_OUT",
            "LEASE_CREATION",
            "LEASE_MODIFICATION",
            "LEASE_ARCHIVING",
            "RESIDENT_CREATION",
            "RESIDENT_MODIFICATION",
            "RESIDENT_DELETION",
            "RESIDENT_INVITATION");
    private static final String SETTINGS = "/api/v1/queue/settings";
    private final ConsoleBackend backend;
    private final Viewer viewer;
    private final Template settings;

    SettingsPage(ConsoleBackend backend, Viewer viewer, @Location("console/settings.html") Template settings) {
        this.backend = backend;
        this.viewer = viewer;
        this.settings = settings;
    }

    /** One row of the page: a type, organisation-wide or at one property, and whether it is applied at once. */
    public record Row(String itemType, String propertyId, boolean enabled, String updatedBy, String updatedAt) {}

    @GET
    public TemplateInstance page(@RestQuery String done, @RestQuery String failed, @RestQuery String offer) {
        ConsoleBackend.Reply reply = backend.get(viewer.token(), SETTINGS, Map.of());
        Map<String, Row> orgWide = new LinkedHashMap<>();
        ITEM_TYPES.forEach(type -> orgWide.put(type, new Row(type, null, false, null, null)));
        List<Row> overrides = new ArrayList<>();
        if (reply.ok()) {
            for (JsonNode setting : reply.body()) {
                Row row = new Row(
                        setting.path("itemType").asText(),
                        setting.path("propertyId").isNull()
                                ? null
                                : setting.path("propertyId").asText(),
                        setting.path("enabled").asBoolean(),
                        setting.path("updatedBy").asText(null),
                        setting.path("updatedAt").asText(null));
                if (row.propertyId() == null) {
                    orgWide.put(row.itemType(), row);
                } else {
                    overrides.add(row);
                }
            }
        }
        Long pending = null;
        if (offer != null && ITEM_TYPES.contains(offer)) {
            ConsoleBackend.Reply counts = backend.get(viewer.token(), "/api/v1/queue/items/_counts", Map.of());
            pending = counts.ok() ? counts.body().path(offer).asLong() : null;
        }
        return settings.data("types", orgWide.values())
                .data("overrides", overrides)
                .data("types_all", ITEM_TYPES)
                .data("error", reply.ok() ? null : "The settings could not be loaded: " + reply.problem() + ".")
                .data("done", done)
                .data("failed", failed)
                .data("offer", pending != null && pending > 0 ? offer : null)
                .data("pending", pending);
    }

    @POST
    public Response change(@RestForm String itemType, @RestForm String propertyId, @RestForm String enabled) {
        boolean on = "true".equals(enabled);
        List<String> types = "ALL".equals(itemType) ? ITEM_TYPES : List.of(String.valueOf(itemType));
        ConsoleBackend.Reply reply = null;
        for (String type : types) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("itemType", type);
            change.put("propertyId", propertyId == null || propertyId.isBlank() ? null : propertyId.trim());
            change.put("enabled", on);
            reply = backend.send(viewer.token(), "PUT", SETTINGS, change);
            if (!reply.ok()) {
                break;
            }
        }
        String done = "Auto-apply " + (on ? "on" : "off") + " for "
                + ("ALL".equals(itemType) ? "every type" : itemType)
                + (propertyId == null || propertyId.isBlank() ? "" : " at property " + propertyId.trim());
        String back = on && types.size() == 1 ? "/console/settings?offer=" + types.getFirst() : "/console/settings";
        return ConsoleLinks.after(back, "/console/settings", reply, done);
    }
}
