import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PMS side of the fault suite: signed generic lease webhooks at a steady rate, each retried the way a PMS retries
 * (after 1 s, for up to 10 minutes) until it is answered 202, whatever fails meanwhile. Writes the lease id of every
 * accepted webhook to the output file, one per line, and prints what it sent, what was accepted and how many retries
 * it needed.
 * java bench/SteadyWebhooks.java <url> <secret> <run-id> <per-second> <seconds> <accepted-file>
 */
public class SteadyWebhooks {
    public static void main(String[] args) throws Exception {
        String url = args[0];
        String secret = args[1];
        String run = args[2];
        int perSecond = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        Path out = Path.of(args[5]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        ExecutorService senders = Executors.newFixedThreadPool(64);
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger retries = new AtomicInteger();
        AtomicInteger gaveUp = new AtomicInteger();
        int total = perSecond * seconds;
        try (PrintWriter acceptedIds = new PrintWriter(Files.newBufferedWriter(out))) {
            long start = System.nanoTime();
            for (int i = 0; i < total; i++) {
                long due = start + i * 1_000_000_000L / perSecond;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                String leaseId = "F-" + run + "-" + i;
                String body = "{\"eventId\":\"fault-" + run + "-" + i + "\",\"entityType\":\"lease\",\"op\":\"c\","
                        + "\"updatedAt\":\"" + Instant.now() + "\",\"entity\":{\"id\":\"" + leaseId
                        + "\",\"propertyId\":\"P-FAULT\",\"unitId\":\"U-" + i + "\",\"status\":\"FUTURE\","
                        + "\"rent\":\"1500.00\",\"startDate\":\"2027-01-01\"}}";
                senders.submit(() -> {
                    long giveUpAt = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
                    while (System.nanoTime() < giveUpAt) {
                        try {
                            String timestamp = Long.toString(Instant.now().getEpochSecond());
                            HttpResponse<Void> answer = http.send(
                                    HttpRequest.newBuilder(URI.create(url))
                                            .timeout(Duration.ofSeconds(15))
                                            .header("Content-Type", "application/json")
                                            .header("X-PMS-Timestamp", timestamp)
                                            .header("X-PMS-Signature", sign(secret, timestamp, body))
                                            .POST(HttpRequest.BodyPublishers.ofString(body))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding());
                            if (answer.statusCode() == 202) {
                                accepted.incrementAndGet();
                                synchronized (acceptedIds) {
                                    acceptedIds.println(leaseId);
                                }
                                return;
                            }
                        } catch (Exception unreachable) {
                            // connection refused or timed out: retried like any other failure
                        }
                        retries.incrementAndGet();
                        try {
                            Thread.sleep(1000);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                    gaveUp.incrementAndGet();
                });
            }
            senders.shutdown();
            senders.awaitTermination(11, TimeUnit.MINUTES);
        }
        System.out.printf("sent=%d accepted=%d retries=%d gave_up=%d%n", total, accepted.get(), retries.get(), gaveUp.get());
    }

    private static String sign(String secret, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }
}
