package com.pmsbridge.connector.adapter;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Calls PMS APIs: stays under the per-connection request rate and concurrency limit, retries 429, 5xx and I/O failures
 * with exponential backoff and jitter (honouring Retry-After) within a time budget, fails fast on other 4xx, and opens
 * a connection's circuit after repeated failures. Logs never include bodies or credentials.
 */
@ApplicationScoped
public class PmsHttpClient {
    private static final Logger LOG = Logger.getLogger(PmsHttpClient.class);
    private final Map<String, Deque<Long>> windows = new ConcurrentHashMap<>();
    private final Map<String, ConnectionGuard> guards = new ConcurrentHashMap<>();
    private final PmsHttpConfig config;
    private final MeterRegistry metrics;
    private final OutboundTargets outbound;
    private final GuardedHttp http;

    PmsHttpClient(PmsHttpConfig config, MeterRegistry metrics, OutboundTargets outbound, GuardedHttp http) {
        this.config = config;
        this.metrics = metrics;
        this.outbound = outbound;
        this.http = http;
    }

    /** A response the caller interprets; 2xx and 404 are returned, everything else is retried or thrown. */
    public record Answer(int status, String body, Map<String, List<String>> headers) {
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .findFirst()
                    .map(e -> e.getValue().getFirst())
                    .orElse(null);
        }
    }

    /**
     * Sends within the connection's guard (a slot of its concurrency limit, its circuit) and its time budget, retrying
     * 429, 5xx and I/O failures. A PMS that fails keeps failing fast for its own connection only.
     */
    public Answer send(String connectionId, String pmsType, PmsRequest request) {
        long deadline = System.nanoTime() + config.callBudget().toNanos();
        ConnectionGuard guard = guards.computeIfAbsent(connectionId, this::newGuard);
        try (ConnectionGuard.Slot slot = guard.enter(config.callBudget())) {
            try {
                Answer answer = attempts(connectionId, pmsType, request, deadline);
                slot.succeeded();
                return answer;
            } catch (PmsUnavailableException e) {
                if (!e.unauthorized() && !e.permanent() && !"outbound_refused".equals(e.getMessage())) {
                    slot.failed(); // the PMS is unwell, not the request
                }
                throw e;
            }
        } catch (PmsUnavailableException e) {
            if ("circuit_open".equals(e.getMessage()) || "time_budget".equals(e.getMessage())) {
                metrics.counter(
                                "pms_connector_pms_calls_refused_total",
                                "connection",
                                connectionId,
                                "reason",
                                e.getMessage())
                        .increment();
            }
            throw e;
        }
    }

    private Answer attempts(String connectionId, String pmsType, PmsRequest request, long deadline) {
        long backoff = config.initialBackoffMs();
        String lastProblem = "no attempt";
        int lastStatus = 0;
        for (int attempt = 1; attempt <= config.maxAttempts(); attempt++) {
            // the URL's rules are checked before every attempt, each address when a connection is opened
            outbound.requireSafe(pmsType, request.uri());
            throttle(connectionId);
            Duration timeout = Duration.ofMillis(Math.min(config.timeoutMs(), remainingMs(deadline)));
            Timer.Sample sample = Timer.start(metrics);
            try {
                Answer answer = http.exchange(request, timeout);
                int status = answer.status();
                sample.stop(Timer.builder("pms_connector_pms_request_seconds")
                        .publishPercentileHistogram()
                        .tags("connection", connectionId, "pms", pmsType, "status", Integer.toString(status))
                        .register(metrics));
                if (status / 100 == 2 || status == 404) {
                    return answer;
                }
                lastStatus = status;
                lastProblem = "http_" + status;
                if (status == 429) {
                    metrics.counter("pms_connector_pms_rate_limited_total", "connection", connectionId)
                            .increment();
                    backoff = Math.max(backoff, retryAfterMs(answer));
                } else if (status < 500) {
                    throw new PmsUnavailableException(lastProblem, status);
                }
            } catch (GuardedDnsResolver.RefusedAddressException e) {
                throw new PmsUnavailableException("outbound_refused", 0);
            } catch (IOException e) {
                lastProblem = e instanceof SocketTimeoutException ? "timeout" : "io_error";
                lastStatus = 0;
            }
            if (attempt < config.maxAttempts()) {
                long pause = backoff + ThreadLocalRandom.current().nextLong(backoff / 4 + 1);
                if (pause >= remainingMs(deadline)) {
                    throw new PmsUnavailableException("time_budget", lastStatus);
                }
                LOG.debugf(
                        "%s from %s %s, attempt %d/%d, retrying in %d ms",
                        lastProblem, request.method(), request.uri().getPath(), attempt, config.maxAttempts(), pause);
                sleep(pause);
                backoff = Math.min(backoff * 2, config.maxBackoffMs());
            }
        }
        throw new PmsUnavailableException(lastProblem, lastStatus);
    }

    private static long remainingMs(long deadline) {
        long remaining = (deadline - System.nanoTime()) / 1_000_000;
        if (remaining <= 0) {
            throw new PmsUnavailableException("time_budget", 0);
        }
        return remaining;
    }

    private ConnectionGuard newGuard(String connectionId) {
        ConnectionGuard guard = new ConnectionGuard(
                config.maxConcurrentCalls(),
                config.circuitFailureThreshold(),
                config.circuitOpenFor(),
                config.circuitMaxOpenFor(),
                Clock.systemUTC());
        Gauge.builder("pms_connector_circuit_state", guard, g -> g.state().ordinal())
                .description("0 = CLOSED, 1 = OPEN, 2 = HALF_OPEN (a trial call may go through)")
                .tags("connection", connectionId)
                .register(metrics);
        return guard;
    }

    /** This replica's share of a connection's requests per second (at least one). */
    private int perReplicaRate() {
        return Math.max(1, config.requestsPerSecond() / Math.max(1, config.replicas()));
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
                if (window.size() < perReplicaRate()) {
                    window.addLast(now);
                    return;
                }
                waitNanos = 1_000_000_000L - (now - window.peekFirst());
            }
            sleep(Math.max(1, waitNanos / 1_000_000));
        }
    }

    private static long retryAfterMs(Answer answer) {
        return Optional.ofNullable(answer.header("Retry-After"))
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
