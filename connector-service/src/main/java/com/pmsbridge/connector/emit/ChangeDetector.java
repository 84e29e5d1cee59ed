package com.pmsbridge.connector.emit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.pmsbridge.contract.ContractJson;
import com.pmsbridge.contract.event.ChangeEvent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers a digest of the canonical data last emitted per entity, so a poll that reads an unchanged record emits
 * nothing. The digest covers data only, not versions or times. Works a page at a time: one read and one write per
 * page, never one per record.
 */
@ApplicationScoped
public class ChangeDetector {
    private static final ObjectMapper SORTED =
            ContractJson.configure(new ObjectMapper()).enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final int CHUNK = 500;
    private final EntityManager em;

    ChangeDetector(EntityManager em) {
        this.em = em;
    }

    /** The events of one connection and entity type whose data differs from what was last emitted. */
    @Transactional
    public List<ChangeEvent> changed(List<ChangeEvent> events) {
        if (events.isEmpty()) {
            return events;
        }
        ChangeEvent first = events.getFirst();
        Map<String, String> stored = new HashMap<>();
        for (List<ChangeEvent> chunk : chunks(events)) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                            select external_id, digest from entity_fingerprint
                            where connection_id = ?1 and entity_type = ?2 and external_id in (?3)""")
                    .setParameter(1, first.connectionId())
                    .setParameter(2, first.entityType().wireName())
                    .setParameter(3, chunk.stream().map(ChangeEvent::externalId).toList())
                    .getResultList();
            rows.forEach(row -> stored.put((String) row[0], (String) row[1]));
        }
        return events.stream()
                .filter(e -> !digest(e).equals(stored.get(e.externalId())))
                .toList();
    }

    /** Records the digests of emitted events, one statement per chunk. */
    @Transactional
    public void remember(List<ChangeEvent> events) {
        for (List<ChangeEvent> chunk : chunks(events)) {
            StringBuilder sql = new StringBuilder(
                    "insert into entity_fingerprint (connection_id, entity_type, external_id, digest) values ");
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ", ")
                        .append("(?")
                        .append(4 * i + 1)
                        .append(", ?")
                        .append(4 * i + 2)
                        .append(", ?")
                        .append(4 * i + 3)
                        .append(", ?")
                        .append(4 * i + 4)
                        .append(')');
            }
            sql.append(" on conflict (connection_id, entity_type, external_id) do update set digest = excluded.digest,"
                    + " updated_at = now()");
            Query query = em.createNativeQuery(sql.toString());
            for (int i = 0; i < chunk.size(); i++) {
                ChangeEvent event = chunk.get(i);
                query.setParameter(4 * i + 1, event.connectionId())
                        .setParameter(4 * i + 2, event.entityType().wireName())
                        .setParameter(4 * i + 3, event.externalId())
                        .setParameter(4 * i + 4, digest(event));
            }
            query.executeUpdate();
        }
    }

    private static List<List<ChangeEvent>> chunks(List<ChangeEvent> events) {
        // one page can hold the same entity twice (data changed between reads): keep the last of each
        Map<String, ChangeEvent> unique = new LinkedHashMap<>();
        events.forEach(e -> unique.put(e.externalId(), e));
        List<ChangeEvent> distinct = List.copyOf(unique.values());
        List<List<ChangeEvent>> chunks = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += CHUNK) {
            chunks.add(distinct.subList(from, Math.min(distinct.size(), from + CHUNK)));
        }
        return chunks;
    }

    static String digest(ChangeEvent event) {
        try {
            byte[] json = SORTED.writeValueAsBytes(event.data());
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
