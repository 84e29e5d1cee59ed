package com.pmsbridge.contract.event;

import com.pmsbridge.contract.EntityType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeLimitsTest {

    @Test
    void givenAnOrdinaryLease_whenChecked_thenWithinEveryLimit() {
        assertThat(ChangeLimits.violation(change("L-1", Map.of("rent", "1450.00", "notes", "line one\nline two"))))
                .isEmpty();
    }

    @Test
    void givenAnIdOf201CharactersOrWithNul_whenChecked_thenRefusedNamingTheLimit() {
        assertThat(ChangeLimits.violation(change("L".repeat(201), Map.of("rent", "1"))))
                .hasValueSatisfying(
                        reason -> assertThat(reason).startsWith("id_limit").contains("externalId"));
        assertThat(ChangeLimits.violation(change("L-\u0000", Map.of("rent", "1"))))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("id_text"));
    }

    @Test
    void givenTooManyFieldsOrAnOversizedOrNulField_whenChecked_thenRefusedNamingTheLimit() {
        Map<String, Object> many = new HashMap<>();
        for (int i = 0; i <= ChangeLimits.MAX_FIELDS; i++) {
            many.put("f" + i, "v");
        }
        assertThat(ChangeLimits.violation(change("L-1", many)))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("field_limit"));
        assertThat(ChangeLimits.violation(change("L-1", Map.of("notes", List.of("x".repeat(64_001))))))
                .hasValueSatisfying(reason ->
                        assertThat(reason).startsWith("field_size_limit").contains("notes"));
        assertThat(ChangeLimits.violation(change("L-1", Map.of("notes", Map.of("a", "b\u0000")))))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("field_text"));
        Map<String, Object> large = new HashMap<>();
        for (int i = 0; i < 5; i++) {
            large.put("terms" + i, "x".repeat(45_000));
        }
        assertThat(ChangeLimits.violation(change("L-1", large)))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("event_size_limit"));
    }

    private static ChangeEvent change(String externalId, Map<String, Object> data) {
        return new ChangeEvent(
                ChangeEvent.SCHEMA_VERSION,
                "e-1",
                "acme",
                "c-1",
                "generic",
                EntityType.LEASE,
                externalId,
                Op.UPDATE,
                "2026-11-23T08:00:00Z",
                null,
                Instant.parse("2026-11-23T08:00:00Z"),
                Instant.now(),
                data);
    }
}
