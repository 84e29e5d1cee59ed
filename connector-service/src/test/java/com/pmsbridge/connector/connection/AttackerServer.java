package com.pmsbridge.connector.connection;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A server an attacker controls: records everything sent to it, answers every request as configured. */
final class AttackerServer implements AutoCloseable {
    private final HttpServer server;
    private final List<String> seen = new CopyOnWriteArrayList<>();

    private AttackerServer(String host, int status, String location) {
        try {
            server = HttpServer.create(new InetSocketAddress(host, 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + exchange.getRequestHeaders()
                    + " " + new String(exchange.getRequestBody().readAllBytes()));
            if (location != null) {
                exchange.getResponseHeaders().add("Location", location);
            }
            byte[] body = "[]".getBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    static AttackerServer answering200(String host) {
        return new AttackerServer(host, 200, null);
    }

    static AttackerServer redirectingTo(String host, String location) {
        return new AttackerServer(host, 302, location);
    }

    String url() {
        return "http://" + server.getAddress().getHostString() + ":"
                + server.getAddress().getPort();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Every request as one line: method, URI, headers and body. */
    List<String> seen() {
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
