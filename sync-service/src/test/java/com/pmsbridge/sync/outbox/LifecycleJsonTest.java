package com.pmsbridge.sync.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.pmsbridge.contract.ContractJson;
import com.pmsbridge.contract.EntityType;
import com.pmsbridge.contract.event.LifecycleEvent;
import com.pmsbridge.contract.event.LifecycleType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LifecycleJsonTest {
    @Test
    void givenAModificationWithValuesOfEveryKind_whenWritten_thenTheSameDocumentAsTheContractMapper()
            throws JsonProcessingException {
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("rent", "1450.00");
        before.put("moveOutDate", null);
        before.put("notes", "Müller \"Jr\"\n");
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("rent", "1500.00");
        after.put("moveOutDate", "2026-12-31");
        after.put("notes", "ok");
        after.put("units", 3);
        after.put("big", 12_345_678_901L);
        after.put("ratio", 0.25);
        after.put("deposit", new BigDecimal("900.50"));
        after.put("active", true);
        after.put("tags", List.of("a", "b"));
        after.put("address", Map.of("city", "Austin"));
        LifecycleEvent event = new LifecycleEvent(LifecycleEvent.SCHEMA_VERSION, "id-1", LifecycleType.LEASE_MODIFIED,
                "acme", "conn-1", EntityType.LEASE, "lease:conn-1:L-1", "P-1", null, List.of("rent", "moveOutDate"),
                before, after, List.of("e-1"), Instant.parse("2026-11-23T08:00:00.120Z"));

        assertThat(LifecycleJson.of(event)).isEqualTo(ContractJson.mapper().writeValueAsString(event));
    }

    @Test
    void givenACreationWithoutOptionalValues_whenWritten_thenTheSameDocumentAsTheContractMapper()
            throws JsonProcessingException {
        LifecycleEvent event = new LifecycleEvent(LifecycleEvent.SCHEMA_VERSION, "id-2", LifecycleType.RESIDENT_CREATED,
                "acme", null, EntityType.RESIDENT, "resident:conn-1:R-1", null, null, List.of(), Map.of(),
                Map.of("email", "a@example.com"), List.of("e-2"), null);

        assertThat(LifecycleJson.of(event)).isEqualTo(ContractJson.mapper().writeValueAsString(event));
    }
}
