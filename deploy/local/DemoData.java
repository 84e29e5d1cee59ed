import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Demo data for the local stack: a small portfolio sent as signed generic-PMS webhooks through the gateway, the way
 * a PMS would push it; then, when given a Keycloak realm URL and a connection id, a Sync of that connection as adam
 * (admin), waiting for it and printing its rate. Run with the JDK's source launcher:
 * java deploy/local/DemoData.java [gatewayUrl] [secret] [realmUrl connectionId]
 */
public class DemoData {
    public static void main(String[] args) throws Exception {
        String gateway = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        String secret = args.length > 1 ? args[1] : "pms-demo-secret";
        HttpClient http = HttpClient.newHttpClient();
        Instant t = Instant.now().minusSeconds(3600);
        List<String> bodies = new ArrayList<>();
        String[][] properties = {{"P-100", "Maple Court Apartments"}, {"P-200", "Lakeside Lofts"}, {"P-300", "Rue Saint-Éloi Residences"}};
        String[][] residents = {{"Zoë", "O'Brien-Nakamura"}, {"José", "Álvarez"}, {"Siobhán", "Ní Bhriain"}, {"Łukasz", "Wójcik"},
                {"Ana-María", "D'Souza"}, {"Björn", "Þórsson"}};
        int n = 0;
        for (String[] property : properties) {
            bodies.add(body("property", "c", t.plusSeconds(n++), "{\"id\":\"%s\",\"name\":\"%s\",\"city\":\"Springfield\",\"unitCount\":2}"
                    .formatted(property[0], property[1])));
            for (int u = 1; u <= 2; u++) {
                String unit = property[0].replace("P-", "U-") + u;
                bodies.add(body("unit", "c", t.plusSeconds(n++), "{\"id\":\"%s\",\"propertyId\":\"%s\",\"number\":\"%d\",\"bedrooms\":%d,\"marketRent\":\"%d.00\"}"
                        .formatted(unit, property[0], u, u, 1200 + 150 * u)));
                String[] resident = residents[(n / 3) % residents.length];
                String lease = "L-" + unit.substring(2);
                String residentId = "R-" + unit.substring(2);
                bodies.add(body("resident", "c", t.plusSeconds(n++), "{\"id\":\"%s\",\"leaseId\":\"%s\",\"propertyId\":\"%s\",\"unitId\":\"%s\",\"firstName\":\"%s\",\"lastName\":\"%s\",\"email\":\"%s@example.com\"}"
                        .formatted(residentId, lease, property[0], unit, resident[0], resident[1].replace("'", "\\u0027"), residentId.toLowerCase())));
                bodies.add(body("lease", "c", t.plusSeconds(n++), "{\"id\":\"%s\",\"propertyId\":\"%s\",\"unitId\":\"%s\",\"status\":\"FUTURE\",\"startDate\":\"2026-12-01\",\"endDate\":\"2027-11-30\",\"rent\":\"%d.00\",\"currency\":\"USD\",\"residentIds\":[\"%s\"]}"
                        .formatted(lease, property[0], unit, 1250 + 100 * u, residentId)));
            }
        }
        bodies.add(body("lease", "u", t.plusSeconds(n++), "{\"id\":\"L-1001\",\"propertyId\":\"P-100\",\"unitId\":\"U-1001\",\"status\":\"CURRENT\",\"startDate\":\"2026-12-01\",\"endDate\":\"2027-11-30\",\"moveInDate\":\"2026-12-01\",\"rent\":\"1350.00\",\"currency\":\"USD\",\"residentIds\":[\"R-1001\"]}"));
        bodies.add(body("workorder", "c", t.plusSeconds(n++), "{\"id\":\"WO-1\",\"propertyId\":\"P-200\",\"unitId\":\"U-2001\",\"title\":\"Leaking kitchen faucet\",\"description\":\"Resident reports a steady drip under the sink; shut-off valve is stiff.\",\"status\":\"NEW\",\"priority\":\"high\"}"));
        int accepted = 0;
        for (String body : bodies) {
            String timestamp = Long.toString(Instant.now().getEpochSecond());
            HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/webhooks/demo-generic"))
                    .header("Content-Type", "application/json")
                    .header("X-PMS-Timestamp", timestamp)
                    .header("X-PMS-Signature", "sha256=" + hmac(secret, timestamp + "." + body))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 202) {
                accepted++;
            } else {
                System.err.println("webhook refused with " + response.statusCode() + ": " + response.body());
            }
        }
        System.out.println("demo data: " + accepted + "/" + bodies.size() + " webhooks accepted");
        if (accepted != bodies.size()) {
            System.exit(1);
        }
        if (args.length > 3) {
            sync(http, gateway, args[2], args[3]);
        }
    }

    /** Starts a Sync of a connection through the gateway as adam and waits until it finished. */
    private static void sync(HttpClient http, String gateway, String realm, String connection) throws Exception {
        String form = "grant_type=password&client_id=pms-gateway&client_secret=pms-gateway-secret&username=adam&password=adam";
        String tokenJson = http.send(HttpRequest.newBuilder(URI.create(realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()).body();
        String token = field(tokenJson, "access_token");
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/connections/" + connection + "/sync"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            throw new IllegalStateException("sync of " + connection + " refused: " + started.statusCode() + " " + started.body());
        }
        String run = field(started.body(), "id");
        for (int i = 0; i < 600; i++) {
            String status = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/connections/" + connection + "/sync-runs/" + run))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
            if (!status.contains("\"RUNNING\"")) {
                System.out.println("sync of " + connection + ": " + status);
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("sync of " + connection + " did not finish");
    }

    private static String field(String json, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    private static String body(String type, String op, Instant updatedAt, String entity) {
        return "{\"eventId\":\"demo-" + type + "-" + Math.abs(entity.hashCode()) + "-" + op + "\",\"entityType\":\"" + type
                + "\",\"op\":\"" + op + "\",\"updatedAt\":\"" + updatedAt + "\",\"entity\":" + entity + "}";
    }

    private static String hmac(String secret, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }
}
