package com.pmsbridge.sync.ownership;

import com.pmsbridge.service.security.CallerOrg;
import org.eclipse.microprofile.openapi.annotations.Operation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.util.List;

/**
 * Field ownership and conflict rules of the caller's organisation, or of one of its connections: read the one in
 * effect, store a new version (admins), list the versions.
 */
@Path("/api/v1/entities/_ownership")
@Produces(MediaType.APPLICATION_JSON)
public class OwnershipResource {
    private final CallerOrg caller;
    private final OwnershipPolicy policy;

    OwnershipResource(CallerOrg caller, OwnershipPolicy policy) {
        this.caller = caller;
        this.policy = policy;
    }

    /** @param scope connection, organisation or default (the service's configuration; version 0) */
    public record EffectiveView(String scope, String connectionId, int version, OwnershipDocument document) {}

    public record VersionView(
            String connectionId, int version, OwnershipDocument document, String changedBy, Instant changedAt) {}

    @GET
    @RolesAllowed({"viewer", "operator", "admin"})
    @Operation(
            summary = "The ownership and conflict rules in effect for a connection (connectionId) or the whole"
                    + " organisation: the connection's own, else the organisation's, else the default")
    public EffectiveView get(@QueryParam("connectionId") String connectionId) {
        OwnershipPolicy.Effective effective = policy.effective(caller.value(), blankToNull(connectionId));
        return new EffectiveView(
                effective.scope(), blankToNull(connectionId), effective.version(), effective.document());
    }

    @PUT
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Store a new version of the organisation's rules (no connectionId) or one connection's; in effect"
                    + " within seconds on every replica. If-Match: the version you read, else 409")
    public VersionView put(
            @QueryParam("connectionId") String connectionId,
            @HeaderParam("If-Match") String ifMatch,
            OwnershipDocument document) {
        if (document == null) {
            throw new BadRequestException("an ownership document is required: {entities, rules, defaultRule}");
        }
        List<String> problems = document.problems();
        if (!problems.isEmpty()) {
            throw new BadRequestException(String.join("; ", problems));
        }
        OwnershipPolicy.Stored stored =
                policy.save(caller.value(), blankToNull(connectionId), document, version(ifMatch), caller.actor());
        return view(stored);
    }

    @GET
    @Path("versions")
    @RolesAllowed("admin")
    @Operation(summary = "Every stored version of the organisation's or a connection's rules, newest first")
    public List<VersionView> versions(@QueryParam("connectionId") String connectionId) {
        return policy.versions(caller.value(), blankToNull(connectionId)).stream()
                .map(OwnershipResource::view)
                .toList();
    }

    private static VersionView view(OwnershipPolicy.Stored stored) {
        return new VersionView(
                stored.connectionId(), stored.version(), stored.document(), stored.changedBy(), stored.changedAt());
    }

    private static Integer version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(ifMatch.replace("\"", "").trim());
        } catch (NumberFormatException e) {
            throw new BadRequestException("header 'If-Match' must be the version number you read, e.g. \"3\"");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
