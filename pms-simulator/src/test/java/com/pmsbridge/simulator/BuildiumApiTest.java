package com.pmsbridge.simulator;

import com.pmsbridge.simulator.buildium.HttpExchanges;
import com.pmsbridge.simulator.portfolio.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BuildiumApiTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private PmsSimulator simulator;

    @BeforeEach
    void start() {
        simulator = PmsSimulator.start(
                SimulatorConfig.defaults().withPortfolio(5, 10).withRequestsPerSecond(100));
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void givenPagedListing_whenReadToTheEnd_thenEveryLeaseOnceInIdOrderWithTotalCount() throws Exception {
        int total = simulator.portfolio().count(Kind.LEASE);
        List<Long> ids = new ArrayList<>();
        for (int offset = 0; ; offset += 7) {
            HttpResponse<String> page = get("/v1/leases?limit=7&offset=" + offset + "&orderby=Id");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("X-Total-Count")).contains(Integer.toString(total));
            List<?> items = HttpExchanges.JSON.readValue(page.body(), List.class);
            items.forEach(item -> ids.add(((Number) ((Map<?, ?>) item).get("Id")).longValue()));
            if (items.size() < 7) {
                break;
            }
        }
        assertThat(ids).hasSize(total).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void givenLastUpdatedFrom_whenListing_thenOnlyRecordsChangedSince() throws Exception {
        Instant before = Instant.now();
        String event = null;
        while (event == null || !event.startsWith("Lease")) {
            event = simulator.engine().tick();
        }
        HttpResponse<String> page = get("/v1/leases?lastupdatedfrom=" + before);
        assertThat(page.headers().firstValue("X-Total-Count")).contains("1");
    }

    @Test
    void givenNoCredentials_whenCalling_thenUnauthorized() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/v1/rentals"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void givenLimitOver1000_whenListing_thenBadRequest() throws Exception {
        assertThat(get("/v1/rentals?limit=1001").statusCode()).isEqualTo(400);
    }

    @Test
    void givenBurstOverTheLimit_whenCalling_thenSomeAnswer429() throws Exception {
        simulator.close();
        simulator = PmsSimulator.start(SimulatorConfig.defaults().withRequestsPerSecond(10));
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            statuses.add(get("/v1/rentals?limit=1").statusCode());
        }
        assertThat(statuses).contains(429);
        assertThat(statuses.stream().filter(s -> s == 200).count()).isLessThanOrEqualTo(10);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(simulator.baseUrl() + path))
                        .header("x-buildium-client-id", "sim-client")
                        .header("x-buildium-client-secret", "sim-secret")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
