package com.pmsbridge.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pmsbridge.gateway.routing.RouteTable;
import io.quarkus.oidc.IdToken;
import io.quarkus.security.Authenticated;
import io.quarkus.security.credential.TokenCredential;
import io.smallrye.common.annotation.Blocking;
import org.eclipse.microprofile.jwt.JsonWebToken;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The operator console's entry: a browser logs in with the authorization-code flow (tenant {@code console}), and the
 * page shows the organisation's pending queue items, read from queue-service with the user's own access token, so the
 * same authorization applies as for the API.
 */
@Path("/console")
public class ConsoleResource {
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final ObjectMapper json = new ObjectMapper();

    @Inject
    @IdToken
    JsonWebToken idToken;

    @Inject
    TokenCredential accessToken;

    @Inject
    RouteTable routes;

    @GET
    @Authenticated
    @Blocking
    @Produces(MediaType.TEXT_HTML)
    public String page() throws Exception {
        URI queue =
                routes.resolve("/api/v1/queue/items", "status=PENDING&limit=50").orElseThrow();
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(queue)
                        .header("Authorization", "Bearer " + accessToken.getToken())
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        StringBuilder rows = new StringBuilder();
        if (answer.statusCode() == 200) {
            for (JsonNode item : json.readTree(answer.body())) {
                rows.append("<tr><td>")
                        .append(escape(item.path("type").asText()))
                        .append("</td><td>")
                        .append(escape(item.path("summary").asText()))
                        .append("</td><td>")
                        .append(escape(item.path("createdAt").asText()))
                        .append("</td></tr>");
            }
        }
        Object org = idToken.getClaim("org");
        return """
                <!doctype html><html><head><meta charset="utf-8"><title>PMS Bridge — Integration Queue</title></head>
                <body><h1>Integration Queue</h1><p>Signed in as %s, organisation %s. A healthy queue is an empty one.</p>
                <table border="1"><tr><th>Type</th><th>Summary</th><th>Created</th></tr>%s</table>
                <p>API: <a href="/q/swagger-ui">Swagger UI</a></p></body></html>""".formatted(
                escape(idToken.getName()),
                escape(String.valueOf(org)),
                rows.isEmpty() ? "<tr><td colspan=3>No pending items (" + answer.statusCode() + ")</td></tr>" : rows);
    }

    private static String escape(String value) {
        return value == null
                ? ""
                : value.replace("&", "&amp;")
                        .replace("<", "&lt;")
                        .replace(">", "&gt;")
                        .replace("\"", "&quot;");
    }
}
