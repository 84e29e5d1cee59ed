package com.pmsbridge.queue.settings;

import com.pmsbridge.queue.item.ItemType;
import com.pmsbridge.service.security.CallerOrg;
import org.eclipse.microprofile.openapi.annotations.Operation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** Auto-apply settings of the caller's organisation: everyone reads them, admins change them. */
@Path("/api/v1/queue/settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SettingsResource {
    private final CallerOrg caller;
    private final AutoApplySettings settings;

    SettingsResource(CallerOrg caller, AutoApplySettings settings) {
        this.caller = caller;
        this.settings = settings;
    }

    /** A change: an item type, optionally one property (else the organisation default), on or off. */
    public record Change(ItemType itemType, String propertyId, Boolean enabled) {}

    @GET
    @RolesAllowed({"viewer", "operator", "admin"})
    public List<AutoApplySettings.Setting> list() {
        return settings.list(caller.value());
    }

    @PUT
    @RolesAllowed("admin")
    @Operation(summary = "Turn auto-apply on or off for an item type, for the organisation or one property")
    public AutoApplySettings.Setting change(Change change) {
        if (change == null || change.itemType() == null || change.enabled() == null) {
            throw new BadRequestException("fields 'itemType' and 'enabled' are required");
        }
        return settings.change(
                caller.value(), change.propertyId(), change.itemType(), change.enabled(), caller.actor());
    }
}
