package com.pmsbridge.sync.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.pmsbridge.contract.ContractJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FieldVersionsTest {
    private static final EntityState.FieldVersion FROM_PMS =
            new EntityState.FieldVersion("2026-11-23T08:00:00Z", Source.PMS, false, "e-1");
    private static final EntityState.FieldVersion PENDING_HUB_EDIT =
            new EntityState.FieldVersion("0000019a-0001", Source.HUB, true);

    @Test
    void givenFieldsSetByOneChange_whenWritten_thenOneGroupNamesThemAll() throws JsonProcessingException {
        FieldVersions versions = new FieldVersions();
        versions.put("rent", FROM_PMS);
        versions.put("phone", PENDING_HUB_EDIT);
        versions.put("status", new EntityState.FieldVersion("2026-11-23T08:00:00Z", Source.PMS, false, "e-1"));

        String json = ContractJson.mapper().writeValueAsString(versions);

        assertThat(json).isEqualTo("""
                [{"version":"2026-11-23T08:00:00Z","source":"pms","eventId":"e-1","fields":["rent","status"]},\
                {"version":"0000019a-0001","source":"hub","pending":true,"fields":["phone"]}]""");
    }

    @Test
    void givenTheGroupedForm_whenRead_thenEveryFieldHasItsVersion() throws JsonProcessingException {
        FieldVersions versions = new FieldVersions();
        versions.put("rent", FROM_PMS);
        versions.put("phone", PENDING_HUB_EDIT);
        versions.put("status", FROM_PMS);

        FieldVersions read = ContractJson.mapper()
                .readValue(ContractJson.mapper().writeValueAsString(versions), FieldVersions.class);

        assertThat(read).isEqualTo(versions);
    }

    @Test
    void givenTheEarlierPerFieldForm_whenRead_thenTheSameVersions() throws JsonProcessingException {
        String stored = """
                {"rent":{"version":"2026-11-23T08:00:00Z","source":"pms","eventId":"e-1"},\
                "phone":{"version":"0000019a-0001","source":"hub","pending":true}}""";

        FieldVersions read = ContractJson.mapper().readValue(stored, FieldVersions.class);

        assertThat(read)
                .containsEntry("rent", FROM_PMS)
                .containsEntry("phone", PENDING_HUB_EDIT)
                .hasSize(2);
    }

    @Test
    void givenNoFields_whenWrittenAndRead_thenEmpty() throws JsonProcessingException {
        String json = ContractJson.mapper().writeValueAsString(new FieldVersions());

        assertThat(json).isEqualTo("[]");
        assertThat(ContractJson.mapper().readValue(json, FieldVersions.class)).isEmpty();
    }
}
