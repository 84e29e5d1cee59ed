package com.pmsbridge.queue.log;

import com.pmsbridge.service.persistence.SqlTimes;
import com.pmsbridge.service.security.CallerOrg;
import org.eclipse.microprofile.openapi.annotations.Operation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The Log: every executed action, newest first, filterable by type, property, actor and time. */
@Path("/api/v1/queue/log")
@Produces(MediaType.APPLICATION_JSON)
public class LogResource {
    private final CallerOrg caller;
    private final EntityManager em;

    LogResource(CallerOrg caller, EntityManager em) {
        this.caller = caller;
        this.em = em;
    }

    @GET
    @RolesAllowed({"viewer", "operator", "admin"})
    @Transactional
    @Operation(summary = "List executed actions and decisions of the caller's organisation")
    public List<LogEntryView> list(
            @QueryParam("type") String type,
            @QueryParam("propertyId") String propertyId,
            @QueryParam("actor") String actor,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        StringBuilder sql = new StringBuilder("""
                select id, item_id, item_type, property_id, connection_id, action, actor, outcome, details, at
                from action_log where org = :org""");
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("org", caller.value());
        condition(sql, parameters, "item_type", "type", type);
        condition(sql, parameters, "property_id", "propertyId", propertyId);
        condition(sql, parameters, "actor", "actor", actor);
        if (from != null) {
            sql.append(" and at >= :from");
            parameters.put("from", Timestamp.from(instant(from, "from")));
        }
        if (to != null) {
            sql.append(" and at < :to");
            parameters.put("to", Timestamp.from(instant(to, "to")));
        }
        sql.append(" order by id desc limit ").append(Math.clamp(limit, 1, 1000));
        Query query = em.createNativeQuery(sql.toString());
        parameters.forEach(query::setParameter);
        List<LogEntryView> entries = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            entries.add(new LogEntryView(
                    ((Number) r[0]).longValue(),
                    (UUID) r[1],
                    (String) r[2],
                    (String) r[3],
                    (String) r[4],
                    (String) r[5],
                    (String) r[6],
                    (String) r[7],
                    (String) r[8],
                    SqlTimes.toInstant(r[9])));
        }
        return entries;
    }

    private static void condition(
            StringBuilder sql, Map<String, Object> parameters, String column, String name, String value) {
        if (value != null && !value.isBlank()) {
            sql.append(" and ").append(column).append(" = :").append(name);
            parameters.put(name, value);
        }
    }

    private static Instant instant(String value, String name) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(
                    "query parameter '" + name + "' must be an ISO-8601 instant such as 2026-11-23T08:00:00Z");
        }
    }
}
