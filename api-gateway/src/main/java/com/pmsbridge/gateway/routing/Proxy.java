package com.pmsbridge.gateway.routing;

import com.pmsbridge.service.http.Problems;
import com.pmsbridge.service.tracing.ClientSpans;
import com.pmsbridge.service.tracing.TraceContexts;
import io.opentelemetry.api.trace.Span;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Forwards a request to its backend with the caller's headers (the bearer token included, so the backend verifies it
 * again) and the body bytes unchanged, and relays the answer. Hop-by-hop headers are dropped both ways.
 */
@ApplicationScoped
public class Proxy {
    private static final Logger LOG = Logger.getLogger(Proxy.class);
    private static final Set<String> HOP_BY_HOP = Set.of(
            "connection",
            "keep-alive",
            "proxy-authenticate",
            "proxy-authorization",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade",
            "host",
            "content-length",
            "expect",
            "http2-settings");
    /** Never sent to a backend: the console's session cookie is the gateway's own, the backends take bearer tokens. */
    private static final Set<String> REQUEST_ONLY = Set.of("cookie");
    /** Replaced by the gateway's own client span: the backend's spans are children of the forwarding. */
    private static final Set<String> TRACE_HEADERS = Set.of(TraceContexts.TRACEPARENT, "tracestate");

    private final RouteTable routes;
    private final HttpClient client;
    private final Duration timeout;
    private final ClientSpans spans;

    Proxy(RouteTable routes, GatewayConfig config, ClientSpans spans) {
        this.routes = routes;
        this.spans = spans;
        this.timeout = Duration.ofMillis(config.backendTimeoutMs());
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    public CompletionStage<Response> forward(String method, UriInfo uri, HttpHeaders headers, byte[] body) {
        // the raw path, as it came: a decoded one would turn %2F into a path separator (EdgeFilters refuses those)
        String path = uri.getRequestUri().getRawPath();
        URI target = routes.resolve(path, uri.getRequestUri().getRawQuery()).orElse(null);
        if (target == null) {
            return CompletableFuture.completedFuture(Problems.of(404, "no_route", "no service serves " + path));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(timeout)
                .method(
                        method,
                        body == null || body.length == 0
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.getRequestHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(lower) && !REQUEST_ONLY.contains(lower) && !TRACE_HEADERS.contains(lower)) {
                values.forEach(value -> request.header(name, value));
            }
        });
        Span span = spans.start(method, target);
        String traceparent = ClientSpans.traceparent(span);
        if (traceparent != null) {
            request.header(TraceContexts.TRACEPARENT, traceparent);
        }
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray())
                .whenComplete((answer, failure) -> {
                    if (failure == null) {
                        ClientSpans.ended(span, answer.statusCode());
                    } else {
                        ClientSpans.failed(span, failure);
                    }
                })
                .thenApply(Proxy::relay)
                .exceptionally(failure -> {
                    LOG.warnf(
                            "backend %s unreachable: %s",
                            target.getHost() + ":" + target.getPort(),
                            failure.getClass().getSimpleName());
                    return Problems.of(502, "backend_unavailable", "the service behind " + path + " is not reachable");
                });
    }

    private static Response relay(HttpResponse<byte[]> answer) {
        Response.ResponseBuilder response = Response.status(answer.statusCode()).entity(answer.body());
        for (Map.Entry<String, List<String>> header : answer.headers().map().entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(name) && !name.startsWith(":")) {
                header.getValue().forEach(value -> response.header(header.getKey(), value));
            }
        }
        return response.build();
    }
}
