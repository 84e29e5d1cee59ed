package com.pmsbridge.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * A minimal, real OpenID Connect provider for tests: discovery document and JWKS over HTTP on loopback, keys from
 * {@link TestKeys}. Services verify tokens exactly as in production (discovery, JWKS, issuer, signature); only the
 * URL differs. The issuer is published as system property {@value #ISSUER_PROPERTY} for {@link TestTokens}.
 */
public final class TestOidcServer implements AutoCloseable {
    public static final String ISSUER_PROPERTY = "pms.test.oidc.issuer";
    private final HttpServer server;
    private final String issuer;

    private TestOidcServer(HttpServer server) {
        this.server = server;
        this.issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/pms-test";
    }

    public static TestOidcServer start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            TestOidcServer oidc = new TestOidcServer(http);
            http.createContext(
                    "/realms/pms-test/.well-known/openid-configuration",
                    exchange -> respond(exchange, oidc.discovery()));
            http.createContext("/realms/pms-test/protocol/openid-connect/certs", exchange -> respond(exchange, jwks()));
            http.start();
            System.setProperty(ISSUER_PROPERTY, oidc.issuer);
            return oidc;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String issuer() {
        return issuer;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private String discovery() {
        return """
                {"issuer":"%1$s","jwks_uri":"%1$s/protocol/openid-connect/certs",
                 "authorization_endpoint":"%1$s/protocol/openid-connect/auth",
                 "token_endpoint":"%1$s/protocol/openid-connect/token",
                 "id_token_signing_alg_values_supported":["RS256"]}""".formatted(issuer);
    }

    private static String jwks() {
        var key = TestKeys.publicKey();
        return """
                {"keys":[{"kty":"RSA","use":"sig","alg":"RS256","kid":"%s","n":"%s","e":"%s"}]}""".formatted(TestKeys.KEY_ID, base64Url(key.getModulus()), base64Url(key.getPublicExponent()));
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void respond(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
