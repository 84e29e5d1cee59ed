package com.pmsbridge.contract;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class IdsTest {

    @Test
    void givenTheParts_whenDerived_thenTheIdIsTheOneTheServicesDerivedBeforeTheHelper() {
        // ids already stored and published must keep matching their redeliveries
        assertThat(Ids.derived("item", "e-1", "MOVE_IN"))
                .isEqualTo(UUID.nameUUIDFromBytes("item|e-1|MOVE_IN".getBytes(StandardCharsets.UTF_8)));
        assertThat(Ids.derived("c-1", "event:42", 0))
                .isEqualTo(UUID.nameUUIDFromBytes("c-1|event:42|0".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void givenDifferentParts_whenDerived_thenDifferentIds() {
        assertThat(Ids.derived("a", "b")).isNotEqualTo(Ids.derived("a", "c")).isNotEqualTo(Ids.derived("ab"));
    }
}
