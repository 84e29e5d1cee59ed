import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates a Buildium connection to a simulator, runs one Sync through the gateway as adam (admin), prints the run's
 * records, pages and records/s, then deletes the connection.
 * java bench/SyncBench.java <gatewayUrl> <realmUrl> <simulatorUrl>
 */
public class SyncBench {
    public static void main(String[] args) throws Exception {
        String gateway = args[0];
        HttpClient http = HttpClient.newHttpClient();
        String token = field(http.send(HttpRequest.newBuilder(URI.create(args[1] + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=pms-gateway&client_secret=pms-gateway-secret&username=adam&password=adam"))
                .build(), HttpResponse.BodyHandlers.ofString()).body(), "access_token");
        String connection = "{\"pmsType\":\"buildium\",\"apiBaseUrl\":\"" + args[2] + "\",\"mode\":\"WEBHOOK\"}";
        HttpResponse<String> created = send(http, token, "POST", gateway + "/api/v1/connections", connection);
        check(created, 201);
        String id = field(created.body(), "id"); // the server gives each connection its id
        check(send(http, token, "PUT", gateway + "/api/v1/connections/" + id + "/credentials",
                "{\"credential\":\"sim-client:sim-secret\"}"), 200);
        try {
            HttpResponse<String> started = send(http, token, "POST", gateway + "/api/v1/connections/" + id + "/sync", null);
            check(started, 202);
            String run = field(started.body(), "id");
            String status;
            do {
                Thread.sleep(1000);
                status = send(http, token, "GET", gateway + "/api/v1/connections/" + id + "/sync-runs/" + run, null).body();
            } while (status.contains("\"RUNNING\""));
            System.out.println("sync: " + status);
        } finally {
            send(http, token, "DELETE", gateway + "/api/v1/connections/" + id, null);
        }
    }

    private static HttpResponse<String> send(HttpClient http, String token, String method, String url, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void check(HttpResponse<String> response, int expected) {
        if (response.statusCode() != expected) {
            throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }
}
