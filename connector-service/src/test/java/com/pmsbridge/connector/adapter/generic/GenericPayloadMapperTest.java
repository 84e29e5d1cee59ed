package com.pmsbridge.connector.adapter.generic;

import com.pmsbridge.connector.adapter.WebhookRejectedException;
import com.pmsbridge.contract.EntityType;
import com.pmsbridge.contract.event.Op;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GenericPayloadMapperTest {
    private final GenericPayloadMapper mapper = new GenericPayloadMapper();

    @Test
    void givenConnectionFieldMapping_whenParsed_thenPmsNamesBecomeCanonical() {
        // given
        String body = """
                {"eventId":"e1","entityType":"lease","op":"u","updatedAt":"2026-11-23T08:00:00Z",
                 "entity":{"id":42,"monthly_rent":"1500.00","unit_ref":"U-9","status":"CURRENT"}}""";
        Map<String, Map<String, String>> mapping =
                Map.of("lease", Map.of("monthly_rent", "rent", "unit_ref", "unitId"));

        // when
        GenericPayloadMapper.Parsed parsed = mapper.parse(body.getBytes(StandardCharsets.UTF_8), mapping);

        // then
        assertThat(parsed.entityType()).isEqualTo(EntityType.LEASE);
        assertThat(parsed.op()).isEqualTo(Op.UPDATE);
        assertThat(parsed.externalId()).isEqualTo("42");
        assertThat(parsed.fields())
                .containsEntry("rent", "1500.00")
                .containsEntry("unitId", "U-9")
                .containsEntry("status", "CURRENT")
                .doesNotContainKey("monthly_rent");
    }

    @Test
    void givenIdOfWrongType_whenParsed_thenRejectedNamingTheField() {
        String body =
                "{\"entityType\":\"unit\",\"op\":\"c\",\"updatedAt\":\"2026-11-23T08:00:00Z\",\"entity\":{\"id\":{\"x\":1}}}";
        assertThatThrownBy(() -> mapper.parse(body.getBytes(StandardCharsets.UTF_8), Map.of()))
                .isInstanceOf(WebhookRejectedException.class)
                .hasMessageContaining("entity.id");
    }

    @Test
    void givenUnknownOp_whenParsed_thenRejectedNamingTheValue() {
        String body =
                "{\"entityType\":\"unit\",\"op\":\"x\",\"updatedAt\":\"2026-11-23T08:00:00Z\",\"entity\":{\"id\":1}}";
        assertThatThrownBy(() -> mapper.parse(body.getBytes(StandardCharsets.UTF_8), Map.of()))
                .hasMessageContaining("'x'");
    }

    @Test
    void givenAStatusTheModelDoesNotKnow_whenParsed_thenRejectedNamingTheFieldAndTheValuesItTakes() {
        String body = """
                {"entityType":"lease","op":"u","updatedAt":"2026-11-23T08:00:00Z",
                 "entity":{"id":"L-1","status":"ACTIVE"}}""";

        assertThatThrownBy(() -> mapper.parse(body.getBytes(StandardCharsets.UTF_8), Map.of()))
                .isInstanceOf(WebhookRejectedException.class)
                .hasMessageContaining("field 'entity.status' must be one of [FUTURE, CURRENT, PAST, CANCELLED]")
                .hasMessageNotContaining("ACTIVE");
    }

    @Test
    void givenModelFieldsOfLooseTypesAndAFieldOfItsOwn_whenParsed_thenTheModelsTypesAndTheOwnFieldKept() {
        String body = """
                {"entityType":"lease","op":"u","updatedAt":"2026-11-23T08:00:00Z",
                 "entity":{"id":"L-1","rent":1850.5,"status":"CURRENT","parkingSpot":"P-7"}}""";

        GenericPayloadMapper.Parsed parsed = mapper.parse(body.getBytes(StandardCharsets.UTF_8), Map.of());

        assertThat(parsed.fields())
                .containsEntry("rent", "1850.5")
                .containsEntry("status", "CURRENT")
                .containsEntry("parkingSpot", "P-7")
                .doesNotContainKey("moveInDate"); // a field not sent is not cleared
    }

    @Test
    void givenAListWhereTheModelHasOne_whenAStringIsSent_thenRejectedNamingTheField() {
        String body = """
                {"entityType":"lease","op":"u","updatedAt":"2026-11-23T08:00:00Z",
                 "entity":{"id":"L-1","residentIds":{"first":"R-1"}}}""";

        assertThatThrownBy(() -> mapper.parse(body.getBytes(StandardCharsets.UTF_8), Map.of()))
                .hasMessageContaining("field 'entity.residentIds' must be a list");
    }
}
