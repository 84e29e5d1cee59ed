package com.pmsbridge.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pmsbridge.gateway.routing.RouteTable;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * The console's calls to the back-end APIs, always with the signed-in user's own access token, so the API's roles and
 * organisation scoping apply to the console unchanged. A service that cannot be reached answers 502 here.
 */
@ApplicationScoped
public class ConsoleBackend {
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    // HTTP/1.1 like the proxy: the JDK's default (HTTP/2) asks plain-text services to upgrade first
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3))
            .build();
    private final RouteTable routes;

    public ConsoleBackend(RouteTable routes) {
        this.routes = routes;
    }

    /** A back end's answer: its status, its JSON body (null when none) and headers. */
    public record Reply(int status, JsonNode body, Map<String, List<String>> headers) {
        public boolean ok() {
            return status / 100 == 2;
        }

        /** What went wrong, as the API's problem document says it, else the status. */
        public String problem() {
            if (body != null && body.hasNonNull("detail")) {
                return body.get("detail").asText();
            }
            if (body != null && body.hasNonNull("title")) {
                return body.get("title").asText();
            }
            return status == 502 ? "the service is unavailable" : "the service answered " + status;
        }

        public Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst())
                    .findFirst();
        }

        /** The body as plain maps and lists, for templates. */
        @SuppressWarnings("unchecked")
        public <T> T as(Class<T> type) {
            return body == null ? null : JSON.convertValue(body, type);
        }
    }

    /** A JSON node as plain maps and lists, for templates. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(JsonNode node) {
        return JSON.convertValue(node, Map.class);
    }

    /** A problem document saying {@code detail}, for an answer the console composes itself. */
    static JsonNode problemOf(String detail) {
        return JSON.createObjectNode().put("detail", detail);
    }

    public Reply get(String token, String path, Map<String, String> query) {
        return call(token, "GET", path, query(query), HttpRequest.BodyPublishers.noBody());
    }

    public Reply send(String token, String method, String path, Object body) {
        try {
            return call(
                    token,
                    method,
                    path,
                    null,
                    body == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Reply call(String token, String method, String path, String query, HttpRequest.BodyPublisher body) {
        Optional<URI> target = routes.resolve(path, query);
        if (target.isEmpty()) {
            return new Reply(404, null, Map.of());
        }
        try {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(target.get())
                            .header("Authorization", "Bearer " + token)
                            .header("Accept", "application/json")
                            .header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(10))
                            .method(method, body)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode json = answer.body().isBlank() ? null : readOrNull(answer.body());
            return new Reply(answer.statusCode(), json, answer.headers().map());
        } catch (IOException e) {
            return new Reply(502, null, Map.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(503, null, Map.of());
        }
    }

    /**
     * The {@code data} lines of a back end's server-sent events, as they come; the call is cancelled when the
     * subscriber goes away, and a refusal (401, 403, 5xx) or an unreachable service ends the stream with a failure.
     */
    public Multi<String> stream(String token, String path) {
        Optional<URI> target = routes.resolve(path, null);
        if (target.isEmpty()) {
            return Multi.createFrom().failure(new IllegalStateException("no service serves " + path));
        }
        HttpRequest request = HttpRequest.newBuilder(target.get())
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream")
                .GET()
                .build();
        return Multi.createFrom().emitter(emitter -> {
            CompletableFuture<HttpResponse<Stream<String>>> call =
                    http.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
            emitter.onTermination(() -> call.cancel(true));
            call.whenComplete((answer, failure) -> {
                if (failure != null) {
                    if (!emitter.isCancelled()) {
                        emitter.fail(failure);
                    }
                } else if (answer.statusCode() != 200) {
                    answer.body().close();
                    emitter.fail(new IllegalStateException(path + " answered " + answer.statusCode()));
                } else {
                    emitter.onTermination(answer.body()::close);
                    // the lines are read blocking, so on a thread of their own
                    Thread.ofVirtual().start(() -> relayLines(answer.body(), emitter));
                }
            });
        });
    }

    private static void relayLines(Stream<String> lines, MultiEmitter<? super String> emitter) {
        try (lines) {
            lines.filter(line -> line.startsWith("data:"))
                    .map(line -> line.substring("data:".length()).trim())
                    .forEach(emitter::emit);
            emitter.complete();
        } catch (RuntimeException e) {
            if (!emitter.isCancelled()) { // a reader who left closed the stream: nothing failed
                emitter.fail(e);
            }
        }
    }

    private static JsonNode readOrNull(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }

    private static String query(Map<String, String> parameters) {
        String query = ConsoleLinks.query(parameters);
        return query.isEmpty() ? null : query;
    }
}
