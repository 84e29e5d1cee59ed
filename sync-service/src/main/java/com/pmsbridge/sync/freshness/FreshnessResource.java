package com.pmsbridge.sync.freshness;

import com.pmsbridge.service.security.CallerOrg;
import org.eclipse.microprofile.openapi.annotations.Operation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** How fresh each of the caller's connections keeps the hub: percentiles of PMS change time to state, last hour. */
@Path("/api/v1/entities/_freshness")
@Produces(MediaType.APPLICATION_JSON)
public class FreshnessResource {
    private final CallerOrg caller;
    private final EntityManager em;

    FreshnessResource(CallerOrg caller, EntityManager em) {
        this.caller = caller;
        this.em = em;
    }

    /** @param changes PMS changes applied in the window; the percentiles are upper bounds of their buckets */
    public record ConnectionFreshness(String connectionId, long changes, double p50Seconds, double p99Seconds) {}

    @GET
    @RolesAllowed({"viewer", "operator", "admin"})
    @Transactional
    @Operation(
            summary = "Per connection: PMS changes applied in the last hour and the p50 and p99 of the time from the"
                    + " change in the PMS to the hub's state (counted every 30 s; within 19% of the exact value)")
    public List<ConnectionFreshness> freshness() {
        Map<String, long[]> byConnection = new TreeMap<>();
        for (Object row :
                em.createNativeQuery("""
                        select connection_id, bucket, sum(count) from freshness_tally
                        where org = ?1 and minute >= now() - interval '1 hour'
                        group by connection_id, bucket""").setParameter(1, caller.value()).getResultList()) {
            Object[] r = (Object[]) row;
            byConnection
                            .computeIfAbsent((String) r[0], c -> new long[FreshnessLedger.BUCKETS])[
                            ((Number) r[1]).intValue()] +=
                    ((Number) r[2]).longValue();
        }
        List<ConnectionFreshness> answer = new ArrayList<>();
        byConnection.forEach((connectionId, counts) -> answer.add(summary(connectionId, counts)));
        return answer;
    }

    static ConnectionFreshness summary(String connectionId, long[] counts) {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        return new ConnectionFreshness(
                connectionId, total, percentile(counts, total, 0.50), percentile(counts, total, 0.99));
    }

    /** The upper bound, in seconds, of the bucket holding the given fraction of all counts. */
    static double percentile(long[] counts, long total, double fraction) {
        long wanted = (long) Math.ceil(total * fraction);
        long seen = 0;
        for (int bucket = 0; bucket < counts.length; bucket++) {
            seen += counts[bucket];
            if (seen >= wanted && seen > 0) {
                return Math.round(FreshnessLedger.upperMillis(bucket)) / 1000.0;
            }
        }
        return 0;
    }
}
