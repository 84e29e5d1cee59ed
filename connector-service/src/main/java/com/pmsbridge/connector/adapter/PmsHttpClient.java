package com.pmsbridge.connector.adapter;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Calls PMS APIs: stays under the per-connection request rate, retries 429, 5xx and I/O failures with exponential
 * backoff and jitter (honouring Retry-After), and fails fast on other 4xx. Logs never include bodies or credentials.
 */
@ApplicationScoped
public class PmsHttpClient {
    private static final Logger LOG = Logger.getLogger(PmsHttpClient.class);
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Deque<Long>> windows = new ConcurrentHashMap<>();
    private final PmsHttpConfig config;
    private final MeterRegistry metrics;
    private final OutboundTargets outbound;
    private final int maxResponseBytes;

    PmsHttpClient(PmsHttpConfig config, MeterRegistry metrics, OutboundTargets outbound, OutboundConfig limits) {
        this.config = config;
        this.metrics = metrics;
        this.outbound = outbound;
        this.maxResponseBytes = limits.maxResponseBytes();
    }

    /** A response the caller interprets; 2xx and 404 are returned, everything else is retried or thrown. */
    public record Answer(int status, String body, Map<String, java.util.List<String>> headers) {
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .findFirst()
                    .map(e -> e.getValue().getFirst())
                    .orElse(null);
        }
    }

    public Answer send(String connectionId, String pmsType, HttpRequest.Builder request) {
        HttpRequest built =
                request.timeout(Duration.ofMillis(config.timeoutMs())).build();
        long backoff = config.initialBackoffMs();
        String lastProblem = "no attempt";
        int lastStatus = 0;
        for (int attempt = 1; attempt <= config.maxAttempts(); attempt++) {
            // checked before every attempt: a host's address may have changed since the connection was configured
            outbound.requireSafe(pmsType, built.uri());
            throttle(connectionId);
            Timer.Sample sample = Timer.start(metrics);
            try {
                HttpResponse<java.io.InputStream> response =
                        http.send(built, HttpResponse.BodyHandlers.ofInputStream());
                sample.stop(Timer.builder("pms_connector_pms_request_seconds")
                        .publishPercentileHistogram()
                        .tags(
                                "connection",
                                connectionId,
                                "pms",
                                pmsType,
                                "status",
                                Integer.toString(response.statusCode()))
                        .register(metrics));
                int status = response.statusCode();
                if (status / 100 == 2 || status == 404) {
                    return new Answer(
                            status,
                            CappedBody.read(response.body(), maxResponseBytes),
                            response.headers().map());
                }
                response.body().close();
                lastStatus = status;
                lastProblem = "http_" + status;
                if (status == 429) {
                    metrics.counter("pms_connector_pms_rate_limited_total", "connection", connectionId)
                            .increment();
                    backoff = Math.max(backoff, retryAfterMs(response));
                } else if (status < 500) {
                    throw new PmsUnavailableException(lastProblem, status);
                }
            } catch (IOException e) {
                lastProblem = e instanceof java.net.http.HttpTimeoutException ? "timeout" : "io_error";
                lastStatus = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PmsUnavailableException("interrupted", 0);
            }
            if (attempt < config.maxAttempts()) {
                LOG.debugf(
                        "%s from %s %s, attempt %d/%d, retrying in %d ms",
                        lastProblem, built.method(), built.uri().getPath(), attempt, config.maxAttempts(), backoff);
                sleep(backoff + ThreadLocalRandom.current().nextLong(backoff / 4 + 1));
                backoff = Math.min(backoff * 2, config.maxBackoffMs());
            }
        }
        throw new PmsUnavailableException(lastProblem, lastStatus);
    }

    /** Blocks until one more request fits in this connection's one-second window. */
    private void throttle(String connectionId) {
        Deque<Long> window = windows.computeIfAbsent(connectionId, id -> new ArrayDeque<>());
        while (true) {
            long waitNanos;
            synchronized (window) {
                long now = System.nanoTime();
                while (!window.isEmpty() && now - window.peekFirst() >= 1_000_000_000L) {
                    window.pollFirst();
                }
                if (window.size() < config.requestsPerSecond()) {
                    window.addLast(now);
                    return;
                }
                waitNanos = 1_000_000_000L - (now - window.peekFirst());
            }
            sleep(Math.max(1, waitNanos / 1_000_000));
        }
    }

    private static long retryAfterMs(HttpResponse<?> response) {
        return response.headers()
                .firstValue("Retry-After")
                .map(value -> {
                    try {
                        return Long.parseLong(value.trim()) * 1000;
                    } catch (NumberFormatException e) {
                        return 1000L;
                    }
                })
                .orElse(0L);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PmsUnavailableException("interrupted", 0);
        }
    }

    public static URI uri(String base, String path) {
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }
}
