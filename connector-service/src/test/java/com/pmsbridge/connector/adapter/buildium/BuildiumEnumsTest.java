package com.pmsbridge.connector.adapter.buildium;

import com.fasterxml.jackson.databind.JsonNode;
import com.pmsbridge.contract.ContractJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every enum the Buildium mapper reads has exactly the values of Buildium's published document, no fewer, no more. */
class BuildiumEnumsTest {
    private static final JsonNode SCHEMAS = document().path("components").path("schemas");

    static Stream<Arguments> enums() {
        return Stream.of(
                Arguments.of("LeaseMessage", "LeaseStatus", BuildiumMapper.LEASE_STATUS),
                Arguments.of("WorkOrderMessage", "Status", BuildiumMapper.WORK_ORDER_STATUS),
                Arguments.of("WorkOrderMessage", "Priority", BuildiumMapper.PRIORITY),
                Arguments.of("RentalUnitMessage", "UnitBedrooms", BuildiumMapper.BEDROOMS),
                Arguments.of("RentalUnitMessage", "UnitBathrooms", BuildiumMapper.BATHROOMS));
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("enums")
    void givenPublishedEnum_whenComparedWithTheMapper_thenTheyHaveTheSameValues(
            String schema, String property, Map<String, ?> mapped) {
        JsonNode values = SCHEMAS.path(schema).path("properties").path(property).path("enum");
        assertThat(values.isArray())
                .as(schema + "." + property + " is an enum in the document")
                .isTrue();
        Set<String> published = new TreeSet<>();
        values.forEach(value -> published.add(value.asText()));

        assertThat(new TreeSet<>(mapped.keySet())).isEqualTo(published);
    }

    private static JsonNode document() {
        try (InputStream in = BuildiumEnumsTest.class.getResourceAsStream("/buildium/openapi.json")) {
            return ContractJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
