package com.pmsbridge.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pmsbridge.gateway.routing.GatewayConfig;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One OpenAPI document for the public API: the gateway reads each backend's {@code /q/openapi}, keeps the public
 * paths ({@code /api/v1/**}, {@code /webhooks/**}), merges their schemas and declares bearer authentication. Cached for a
 * minute; a backend that does not answer is left out until it does.
 */
@ApplicationScoped
public class OpenApiAggregator {
    private static final Logger LOG = Logger.getLogger(OpenApiAggregator.class);
    private static final Duration CACHE = Duration.ofMinutes(1);
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final GatewayConfig config;
    private ObjectNode cached;
    private Instant cachedAt = Instant.EPOCH;

    OpenApiAggregator(GatewayConfig config) {
        this.config = config;
    }

    public synchronized ObjectNode document() {
        if (cached != null && Duration.between(cachedAt, Instant.now()).compareTo(CACHE) < 0) {
            return cached;
        }
        ObjectNode document = json.createObjectNode();
        document.put("openapi", "3.1.0");
        ObjectNode info = document.putObject("info");
        info.put("title", "PMS Bridge API");
        info.put("version", "v1");
        info.put(
                "description",
                "The public API of PMS Bridge, served by the gateway. Errors are RFC 9457 problem documents.");
        document.putArray("servers").addObject().put("url", "/");
        ObjectNode paths = document.putObject("paths");
        ObjectNode components = document.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        ObjectNode bearer = components.putObject("securitySchemes").putObject("bearer");
        bearer.put("type", "http");
        bearer.put("scheme", "bearer");
        bearer.put("bearerFormat", "JWT");
        document.putArray("security").addObject().putArray("bearer");
        Set<String> backends = new LinkedHashSet<>();
        config.routes().values().forEach(route -> backends.add(route.targetUrl()));
        boolean complete = true;
        for (String backend : backends) {
            try {
                HttpResponse<String> answer = http.send(
                        HttpRequest.newBuilder(URI.create(backend + "/q/openapi?format=json"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                JsonNode part = json.readTree(answer.body());
                part.path("paths").properties().forEach(entry -> {
                    if (entry.getKey().startsWith("/api/v1") || entry.getKey().startsWith("/webhooks")) {
                        paths.set(entry.getKey(), entry.getValue());
                    }
                });
                part.path("components")
                        .path("schemas")
                        .properties()
                        .forEach(e -> schemas.set(e.getKey(), e.getValue()));
            } catch (IOException | RuntimeException e) {
                complete = false;
                LOG.warnf(
                        "OpenAPI of %s not available: %s", backend, e.getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                complete = false;
            }
        }
        if (complete) {
            cached = document;
            cachedAt = Instant.now();
        }
        return document;
    }
}
