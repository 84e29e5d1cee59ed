package com.pmsbridge.sync.ownership;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OwnershipDocumentTest {

    @Test
    void givenAValidDocument_whenChecked_thenNoProblem() {
        OwnershipDocument document = new OwnershipDocument(
                Map.of("resident", new OwnershipDocument.Fields(List.of("notes"), List.of("email", "phone"))),
                Map.of("resident.email", "prefer-pms-unless-blank"),
                "hub-wins");

        assertThat(document.problems()).isEmpty();
    }

    @Test
    void givenEveryKindOfMistake_whenChecked_thenEachIsNamed() {
        OwnershipDocument document = new OwnershipDocument(
                Map.of(
                        "spaceship", new OwnershipDocument.Fields(List.of(), List.of()),
                        "workorder", new OwnershipDocument.Fields(List.of("status"), List.of("status", "vendorId"))),
                Map.of("workorder.title", "pms-wins", "workorder.status", "loudest-wins"),
                "coin-toss");

        assertThat(document.problems())
                .anySatisfy(p -> assertThat(p).contains("unknown entity type 'spaceship'"))
                .anySatisfy(p -> assertThat(p).contains("'status' cannot be both hub-owned and shared"))
                .anySatisfy(p -> assertThat(p).contains("'vendorId' cannot be shared"))
                .anySatisfy(p -> assertThat(p).contains("'workorder.title' is not a shared field"))
                .anySatisfy(p -> assertThat(p).contains("rules.workorder.status: unknown conflict rule 'loudest-wins'"))
                .anySatisfy(p -> assertThat(p).contains("defaultRule: unknown conflict rule 'coin-toss'"));
    }
}
