import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * End-to-end latency: signed lease webhooks at a fixed rate through the gateway; a poller lists the queue through the
 * gateway every 50 ms; for each webhook, the time from its 202 to its LEASE_CREATION item first being listed.
 * Polling adds up to 50 ms (plus one list call) to each figure.
 * java bench/QueueLatency.java <gateway> <realm> <secret> <webhooks per second> <count>
 */
public class QueueLatency {
    public static void main(String[] args) throws Exception {
        String gateway = args[0];
        String realm = args[1];
        String secret = args[2];
        int rate = Integer.parseInt(args[3]);
        int count = Integer.parseInt(args[4]);
        HttpClient http = HttpClient.newHttpClient();
        String token = field(http.send(HttpRequest.newBuilder(URI.create(realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=pms-gateway&client_secret=pms-gateway-secret&username=olivia&password=olivia"))
                .build(), HttpResponse.BodyHandlers.ofString()).body(), "access_token");
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Long> acceptedAt = new ConcurrentHashMap<>();
        Map<String, Long> seenAt = new ConcurrentHashMap<>();
        Thread poller = Thread.ofPlatform().start(() -> {
            Pattern key = Pattern.compile("\"entityKey\":\"lease:demo-generic:(QL-" + run + "-\\d+)\"");
            while (seenAt.size() < count && !Thread.currentThread().isInterrupted()) {
                try {
                    String body = http.send(HttpRequest.newBuilder(URI.create(gateway
                                    + "/api/v1/queue/items?connectionId=demo-generic&type=LEASE_CREATION&limit=500"))
                            .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
                    long now = System.nanoTime();
                    Matcher m = key.matcher(body);
                    while (m.find()) {
                        seenAt.putIfAbsent(m.group(1), now);
                    }
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // keep polling
                }
            }
        });
        long interval = 1_000_000_000L / rate;
        long next = System.nanoTime();
        for (int i = 0; i < count; i++) {
            String id = "QL-" + run + "-" + i;
            String body = "{\"eventId\":\"" + id + "\",\"entityType\":\"lease\",\"op\":\"c\",\"updatedAt\":\"" + Instant.now()
                    + "\",\"entity\":{\"id\":\"" + id + "\",\"propertyId\":\"P-LAT\",\"unitId\":\"U-" + i + "\",\"status\":\"FUTURE\",\"rent\":\"1000.00\"}}";
            String ts = Long.toString(Instant.now().getEpochSecond());
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(gateway + "/webhooks/demo-generic"))
                    .header("Content-Type", "application/json").header("X-PMS-Timestamp", ts)
                    .header("X-PMS-Signature", "sha256=" + hmac(secret, ts + "." + body))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() == 202) {
                acceptedAt.put(id, System.nanoTime());
            }
            next += interval;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (seenAt.size() < acceptedAt.size() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        poller.interrupt();
        List<Double> latencies = new ArrayList<>();
        acceptedAt.forEach((id, at) -> {
            Long seen = seenAt.get(id);
            if (seen != null) {
                latencies.add(Math.max(0, seen - at) / 1e6);
            }
        });
        Collections.sort(latencies);
        System.out.printf("rate %d webhooks/s, %d sent, %d accepted, %d items seen%n", rate, count, acceptedAt.size(), latencies.size());
        System.out.printf("202 → item listed, ms: p50 %.0f  p90 %.0f  p99 %.0f  max %.0f%n",
                pct(latencies, 50), pct(latencies, 90), pct(latencies, 99), pct(latencies, 100));
    }

    private static double pct(List<Double> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static String hmac(String secret, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }
}
