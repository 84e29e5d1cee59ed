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
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Webhook ingest benchmark: N signed generic-PMS lease webhooks, C in flight at once, against a running stack.
 * Prints webhooks/s answered 202 (each 202 means Kafka acknowledged the change event) and latency percentiles.
 * java bench/WebhookLoad.java <url> <secret> <count> <concurrency>
 */
public class WebhookLoad {
    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "http://127.0.0.1:8080/webhooks/demo-generic";
        String secret = args.length > 1 ? args[1] : "pms-demo-secret";
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 5000;
        int concurrency = args.length > 3 ? Integer.parseInt(args[3]) : 32;
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();
        Semaphore inFlight = new Semaphore(concurrency);
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        String run = UUID.randomUUID().toString().substring(0, 8);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            String body = "{\"eventId\":\"bench-" + run + "-" + i + "\",\"entityType\":\"lease\",\"op\":\"c\",\"updatedAt\":\""
                    + Instant.now() + "\",\"entity\":{\"id\":\"BL-" + run + "-" + i + "\",\"propertyId\":\"P-BENCH\",\"unitId\":\"U-"
                    + (i % 500) + "\",\"status\":\"FUTURE\",\"rent\":\"1500.00\",\"startDate\":\"2027-01-01\"}}";
            String timestamp = Long.toString(Instant.now().getEpochSecond());
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json")
                    .header("X-PMS-Timestamp", timestamp)
                    .header("X-PMS-Signature", "sha256=" + hmac(secret, timestamp + "." + body))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            inFlight.acquire();
            long sent = System.nanoTime();
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                latencies.add(System.nanoTime() - sent);
                if (failure == null && response.statusCode() == 202) {
                    accepted.incrementAndGet();
                } else {
                    refused.incrementAndGet();
                }
                inFlight.release();
            });
        }
        inFlight.acquire(concurrency);
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("webhooks: %d sent, %d accepted (202), %d refused, concurrency %d%n", count, accepted.get(),
                refused.get(), concurrency);
        System.out.printf("throughput: %.0f webhooks/s accepted over %.1f s%n", accepted.get() / seconds, seconds);
        System.out.printf("latency ms: p50 %.1f  p99 %.1f  max %.1f%n", pct(sorted, 50), pct(sorted, 99), pct(sorted, 100));
        System.exit(0);
    }

    private static double pct(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }

    private static String hmac(String secret, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }
}
