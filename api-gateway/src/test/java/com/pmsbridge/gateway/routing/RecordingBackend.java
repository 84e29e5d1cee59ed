package com.pmsbridge.gateway.routing;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A backend that records every request the gateway forwards to it: raw path and headers. */
public class RecordingBackend implements QuarkusTestResourceLifecycleManager {
    record Seen(String rawPath, Map<String, List<String>> headers) {}

    static final List<Seen> SEEN = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            SEEN.add(new Seen(exchange.getRequestURI().getRawPath(), Map.copyOf(exchange.getRequestHeaders())));
            byte[] body = "{}".getBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        // webhooks: a burst of 3 per connection id and a refill of one a minute, so ProxyIT reaches the limit for sure
        return Map.of(
                "gateway.routes.queue.target-url",
                url,
                "gateway.routes.webhooks.target-url",
                url,
                "gateway.webhook-rate-limit.burst",
                "3",
                "gateway.webhook-rate-limit.requests-per-minute",
                "1");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
