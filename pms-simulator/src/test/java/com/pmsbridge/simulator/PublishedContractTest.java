package com.pmsbridge.simulator;

import com.pmsbridge.simulator.buildium.PublishedContract;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Buildium's published document, as the simulator applies it to what it receives and sends. */
class PublishedContractTest {
    private static final Map<String, String> AUTH =
            Map.of("x-buildium-client-id", "client", "x-buildium-client-secret", "secret");
    private final PublishedContract contract = new PublishedContract();

    @Test
    void givenWorkOrderWithoutEntryAllowedAndVendor_whenPosted_thenBothRequiredFieldsAreNamed() {
        String body = """
                {"Task":{"Title":"Leak","UnitId":1,"Priority":"Normal","Status":"New","AssignedToUserId":1},
                 "WorkDetails":"Kitchen tap"}""";

        assertThat(contract.request("POST", "/v1/workorders", Map.of(), AUTH, body))
                .anySatisfy(rule -> assertThat(rule).contains("EntryAllowed"))
                .anySatisfy(rule -> assertThat(rule).contains("VendorId"));
    }

    @Test
    void givenListingAsTheAdapterSendsIt_whenChecked_thenNothingIsBroken() {
        Map<String, String> query =
                Map.of("orderby", "Id", "offset", "0", "limit", "500", "lastupdatedfrom", "2026-12-03T10:15:30Z");

        assertThat(contract.request("GET", "/v1/leases", query, AUTH, "")).isEmpty();
    }

    @Test
    void givenDateTimeWhereWorkOrdersTakeADate_whenChecked_thenTheFormatIsNamed() {
        Map<String, String> query = Map.of("lastupdatedfrom", "2026-12-03T10:15:30.123456Z");

        assertThat(contract.request("GET", "/v1/workorders", query, AUTH, "")).isNotEmpty();
        assertThat(contract.request("GET", "/v1/workorders", Map.of("lastupdatedfrom", "2026-12-03"), AUTH, ""))
                .isEmpty();
    }

    @Test
    void givenUnitWithAnUnpublishedBedroomCount_whenAnswered_thenTheEnumIsNamed() {
        String unit = """
                [{"Id":1,"PropertyId":2,"UnitNumber":"101","UnitBedrooms":"TenBed","UnitBathrooms":"OneBath"}]""";

        assertThat(contract.response("GET", "/v1/rentals/units", 200, unit))
                .anySatisfy(rule -> assertThat(rule).contains("TenBed"));
    }
}
