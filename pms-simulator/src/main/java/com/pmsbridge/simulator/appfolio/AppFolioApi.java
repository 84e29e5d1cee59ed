package com.pmsbridge.simulator.appfolio;

import com.pmsbridge.simulator.buildium.HttpExchanges;
import com.pmsbridge.simulator.portfolio.Kind;
import com.pmsbridge.simulator.portfolio.Portfolio;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * AppFolio-style reads over the same portfolio: {@code /appfolio/.well-known/jwks.json} and
 * {@code /appfolio/api/v1/<resource>/<id>} with HTTP Basic credentials, in snake_case shapes.
 */
public final class AppFolioApi implements HttpHandler {
    /** AppFolio webhook topic → the resource path and the portfolio kind behind it. */
    public static final Map<String, Kind> TOPICS = Map.of(
            "work_order_updates", Kind.WORK_ORDER,
            "tenant_updates", Kind.TENANT,
            "lease_updates", Kind.LEASE,
            "property_updates", Kind.RENTAL,
            "unit_updates", Kind.UNIT);

    private static final Map<String, Kind> RESOURCES = Map.of(
            "work_orders",
            Kind.WORK_ORDER,
            "tenants",
            Kind.TENANT,
            "leases",
            Kind.LEASE,
            "properties",
            Kind.RENTAL,
            "units",
            Kind.UNIT);

    private final Portfolio portfolio;
    private final AppFolioKeys keys;
    private final String expectedAuthorization;

    public AppFolioApi(Portfolio portfolio, AppFolioKeys keys, String clientId, String clientSecret) {
        this.portfolio = portfolio;
        this.keys = keys;
        this.expectedAuthorization = "Basic "
                + Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/appfolio/.well-known/jwks.json")) {
                HttpExchanges.json(exchange, 200, keys.jwks(), Map.of());
                return;
            }
            if (!expectedAuthorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                HttpExchanges.error(exchange, 401, "unauthorized");
                return;
            }
            String[] parts = path.split("/");
            // /appfolio/api/v1/<resource>/<id>
            if (parts.length == 6 && RESOURCES.containsKey(parts[4]) && parts[5].matches("\\d+")) {
                Optional<Portfolio.Record> record = portfolio.get(RESOURCES.get(parts[4]), Long.parseLong(parts[5]));
                if (record.isPresent()) {
                    HttpExchanges.json(exchange, 200, shape(record.get()), Map.of());
                    return;
                }
            }
            HttpExchanges.error(exchange, 404, "not found");
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> shape(Portfolio.Record record) {
        Map<String, Object> b = record.body();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", Long.toString(record.id()));
        out.put("updated_at", record.lastUpdated().toString());
        switch (record.kind()) {
            case WORK_ORDER -> {
                Map<String, Object> task = (Map<String, Object>) b.get("Task");
                out.put("unit_id", String.valueOf(task.get("UnitId")));
                out.put("summary", b.get("Title"));
                out.put("description", b.get("WorkDetails"));
                out.put(
                        "status",
                        switch ((String) b.get("Status")) {
                            case "InProgress" -> "in_progress";
                            case "Completed", "Closed" -> "completed";
                            default -> "new";
                        });
                out.put("priority", String.valueOf(b.get("Priority")).toLowerCase());
                out.put("vendor_id", b.get("VendorId") == null ? null : String.valueOf(b.get("VendorId")));
            }
            case TENANT -> {
                out.put("first_name", b.get("FirstName"));
                out.put("last_name", b.get("LastName"));
                out.put("email", b.get("Email"));
                List<Map<String, Object>> phones = (List<Map<String, Object>>) b.get("PhoneNumbers");
                out.put(
                        "phone_number",
                        phones == null || phones.isEmpty()
                                ? null
                                : phones.getFirst().get("Number"));
            }
            case LEASE -> {
                out.put("property_id", String.valueOf(b.get("PropertyId")));
                out.put("unit_id", String.valueOf(b.get("UnitId")));
                out.put("status", String.valueOf(b.get("LeaseStatus")).toLowerCase());
                out.put("start_date", b.get("LeaseFromDate"));
                out.put("end_date", b.get("LeaseToDate"));
                out.put("rent", ((Map<String, Object>) b.get("AccountDetails")).get("Rent"));
            }
            case RENTAL -> {
                out.put("name", b.get("Name"));
                out.put("address", ((Map<String, Object>) b.get("Address")).get("AddressLine1"));
            }
            case UNIT -> {
                out.put("property_id", String.valueOf(b.get("PropertyId")));
                out.put("name", b.get("UnitNumber"));
            }
            default -> {}
        }
        return out;
    }
}
