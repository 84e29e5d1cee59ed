package com.pmsbridge.connector.emit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.pmsbridge.contract.ContractJson;
import com.pmsbridge.contract.event.ChangeEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Remembers a digest of the canonical data last emitted per entity, so a poll that reads an unchanged record emits
 * nothing. The digest covers data only, not versions or times.
 */
@ApplicationScoped
public class ChangeDetector {
    private static final ObjectMapper SORTED = ContractJson.configure(new ObjectMapper())
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private final EntityManager em;

    ChangeDetector(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public boolean changed(ChangeEvent event) {
        Object stored = em.createNativeQuery("""
                        select digest from entity_fingerprint
                        where connection_id = ?1 and entity_type = ?2 and external_id = ?3""")
                .setParameter(1, event.connectionId()).setParameter(2, event.entityType().wireName())
                .setParameter(3, event.externalId()).getResultStream().findFirst().orElse(null);
        return !digest(event).equals(stored);
    }

    @Transactional
    public void remember(ChangeEvent event) {
        em.createNativeQuery("""
                        insert into entity_fingerprint (connection_id, entity_type, external_id, digest) values (?1, ?2, ?3, ?4)
                        on conflict (connection_id, entity_type, external_id) do update set digest = excluded.digest""")
                .setParameter(1, event.connectionId()).setParameter(2, event.entityType().wireName())
                .setParameter(3, event.externalId()).setParameter(4, digest(event)).executeUpdate();
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
