package com.pmsbridge.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.pmsbridge.contract.event.ChangeEvent;
import com.pmsbridge.contract.event.CurrentState;
import com.pmsbridge.contract.model.CanonicalData;
import com.pmsbridge.contract.model.Lease;
import com.pmsbridge.contract.model.LeaseStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Records as the services wrote them to the topics before the model was typed (captured from the local stack, under
 * {@code src/test/resources/records/}) still decode, read as their canonical records and pass the published schemas.
 */
class RecordsOnTheTopicsTest {
    private static final ObjectMapper JSON = ContractJson.mapper();
    private static final Path RECORDS = Path.of("src/test/resources/records");
    private static final Path SCHEMAS = Path.of("src/main/resources/schemas");

    static Stream<Path> records() throws IOException {
        try (Stream<Path> files = Files.list(RECORDS)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("records")
    void givenARecordInTodaysShape_whenDecoded_thenItIsTypedAndFitsThePublishedSchema(Path file) throws IOException {
        JsonNode value = JSON.readTree(file.toFile());
        boolean state = file.getFileName().toString().contains(".state.");
        Set<ValidationMessage> problems =
                schema(state ? "CurrentState" : "ChangeEvent").validate(value);
        assertThat(problems).as(file.toString()).isEmpty();

        EntityType type;
        Object entity;
        if (state) {
            CurrentState decoded = JSON.treeToValue(value, CurrentState.class);
            type = decoded.entityType();
            entity = decoded.entity();
        } else {
            ChangeEvent decoded = JSON.treeToValue(value, ChangeEvent.class);
            type = decoded.entityType();
            entity = decoded.entity();
            assertThat(decoded.externalId()).isEqualTo(value.at("/data/id").asText());
        }
        assertThat(entity).isInstanceOf(type.model());
        if (entity instanceof Lease lease) {
            assertThat(lease.status()).isNotNull();
            assertThat(lease.status().name()).isEqualTo(value.at("/data/status").asText());
        }
    }

    @Test
    void givenALeaseWhoseStatusTheModelDoesNotKnow_whenValidated_thenTheSchemaAndTheModelRefuseIt() throws IOException {
        Path lease = records()
                .filter(f -> f.getFileName().toString().startsWith("pms.lease.changes.v1"))
                .findFirst()
                .orElseThrow();
        JsonNode value = JSON.readTree(lease.toFile());
        ((ObjectNode) value.get("data")).put("status", "ACTIVE");

        assertThat(schema("ChangeEvent").validate(value)).isNotEmpty();
        Map<String, Object> data = JSON.convertValue(value.get("data"), Map.class);
        assertThatThrownBy(() -> CanonicalData.read(Lease.class, data))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("field 'status' must be one of " + List.of(LeaseStatus.values()));
    }

    private static JsonSchema schema(String message) throws IOException {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(SCHEMAS.resolve(message + ".schema.json")));
    }
}
