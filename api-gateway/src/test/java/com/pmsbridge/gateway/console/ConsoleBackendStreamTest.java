package com.pmsbridge.gateway.console;

import com.pmsbridge.gateway.routing.GatewayConfig;
import com.pmsbridge.gateway.routing.RouteTable;
import com.sun.net.httpserver.HttpServer;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's relay of a back end's server-sent events, against a small HTTP server that streams them. */
class ConsoleBackendStreamTest {
    private HttpServer server;
    private final CountDownLatch secondEvent = new CountDownLatch(1);
    private final CountDownLatch clientGone = new CountDownLatch(1);
    private volatile String authorization;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/queue/changes", exchange -> {
            authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (!"Bearer good".equals(authorization)) {
                exchange.sendResponseHeaders(401, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream body = exchange.getResponseBody();
            try {
                send(body, "event: message\ndata:{\"kind\":\"heartbeat\"}\n\n");
                secondEvent.await(10, TimeUnit.SECONDS);
                send(body, "data:{\"kind\":\"changed\"}\n\n");
                // writes fail once the client has gone
                for (int i = 0; i < 100; i++) {
                    Thread.sleep(100);
                    send(body, ": keep-alive\n\n");
                }
            } catch (IOException | InterruptedException gone) {
                clientGone.countDown();
            }
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void givenAStreamingBackend_whenRelayed_thenEachDataLineArrivesAsItIsSentAndCancelClosesTheCall()
            throws InterruptedException {
        AssertSubscriber<String> subscriber = backend().stream("good", "/api/v1/queue/changes")
                .subscribe()
                .withSubscriber(AssertSubscriber.create(10));

        // the first arrives while the back end still holds the second: nothing waits for the end of the stream
        subscriber.awaitItems(1, Duration.ofSeconds(10));
        assertThat(subscriber.getItems()).containsExactly("{\"kind\":\"heartbeat\"}");
        assertThat(authorization).isEqualTo("Bearer good");
        secondEvent.countDown();
        subscriber.awaitItems(2, Duration.ofSeconds(10));
        assertThat(subscriber.getItems()).last().isEqualTo("{\"kind\":\"changed\"}");

        subscriber.cancel();
        assertThat(clientGone.await(10, TimeUnit.SECONDS))
                .as("the back end saw the client go")
                .isTrue();
    }

    @Test
    void givenARefusedToken_whenRelayed_thenTheStreamFailsNamingTheStatus() {
        AssertSubscriber<String> subscriber = backend().stream("bad", "/api/v1/queue/changes")
                .subscribe()
                .withSubscriber(AssertSubscriber.create(10));

        subscriber.awaitFailure(Duration.ofSeconds(10));
        assertThat(subscriber.getFailure()).hasMessageContaining("401");
    }

    private ConsoleBackend backend() {
        String target = "http://127.0.0.1:" + server.getAddress().getPort();
        GatewayConfig config = new GatewayConfig() {
            @Override
            public Map<String, Route> routes() {
                return Map.of("queue", new Route() {
                    @Override
                    public String pathPrefix() {
                        return "/api/v1/queue";
                    }

                    @Override
                    public String targetUrl() {
                        return target;
                    }
                });
            }

            @Override
            public long backendTimeoutMs() {
                return 1000;
            }
        };
        return new ConsoleBackend(new RouteTable(config));
    }

    private static void send(OutputStream body, String text) throws IOException {
        body.write(text.getBytes(StandardCharsets.UTF_8));
        body.flush();
    }
}
