package com.pmsbridge.simulator.buildium;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * Buildium's published OpenAPI document (Open API v1, as Buildium publishes it; not written here) as the judge of
 * both sides: every request the simulator receives and every answer it sends is checked against it. A request that
 * breaks it is answered 400 naming the rule, an answer that breaks it 500; both are kept for the tests to read.
 */
public final class PublishedContract {
    private static final String DOCUMENT = "/buildium/openapi.json";
    private static volatile OpenApiInteractionValidator shared;
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final Set<String> tolerated = ConcurrentHashMap.newKeySet();

    /**
     * Lets answers break the document where a broken rule mentions {@code fragment}: for a test that needs the PMS to
     * send what its document does not allow (a value Buildium may add later). Everything else still fails.
     */
    public void tolerate(String fragment) {
        tolerated.add(fragment);
    }

    public void stopTolerating(String fragment) {
        tolerated.remove(fragment);
    }

    /** What was wrong, one line per broken rule, since the simulator started. */
    public List<String> violations() {
        return List.copyOf(violations);
    }

    /** The rules a request breaks, empty when it keeps them all. */
    public List<String> request(
            String method, String path, Map<String, String> query, Map<String, String> headers, String body) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(Request.Method.valueOf(method), path);
        query.forEach(request::withQueryParam);
        headers.forEach(request::withHeader);
        if (body != null && !body.isEmpty()) {
            request.withBody(body, StandardCharsets.UTF_8).withContentType("application/json");
        }
        return record("request " + method + " " + path, validator().validateRequest(request.build()));
    }

    /** The rules an answer breaks, empty when it keeps them all. */
    public List<String> response(String method, String path, int status, String body) {
        SimpleResponse response = SimpleResponse.Builder.status(status)
                .withContentType("application/json")
                .withBody(body)
                .build();
        return record(
                "response " + status + " to " + method + " " + path,
                validator().validateResponse(path, Request.Method.valueOf(method), response));
    }

    private List<String> record(String what, ValidationReport report) {
        List<String> broken = report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(PublishedContract::text)
                .filter(rule -> tolerated.stream().noneMatch(rule::contains))
                .collect(Collectors.toList());
        broken.forEach(rule -> violations.add(what + ": " + rule));
        return broken;
    }

    /** A broken rule with what it contains (an allOf names the schema rules inside it). */
    private static String text(ValidationReport.Message message) {
        String nested = message.getNestedMessages().stream()
                .map(PublishedContract::text)
                .collect(Collectors.joining("; "));
        return message.getKey() + ": " + message.getMessage().replaceAll("\\s+", " ")
                + (nested.isEmpty() ? "" : " [" + nested + "]");
    }

    private static OpenApiInteractionValidator validator() {
        OpenApiInteractionValidator current = shared;
        if (current == null) {
            synchronized (PublishedContract.class) {
                current = shared;
                if (current == null) {
                    // the parser finds its extensions through the context class loader: make it the one that loaded
                    // the parser (inside a Quarkus test the thread's is another, and the extensions would not fit)
                    Thread thread = Thread.currentThread();
                    ClassLoader previous = thread.getContextClassLoader();
                    thread.setContextClassLoader(PublishedContract.class.getClassLoader());
                    try {
                        current = OpenApiInteractionValidator.createForInlineApiSpecification(document())
                                .withLevelResolver(LevelResolver.create()
                                        // a JSON body's Content-Type is ours to choose; the schema is what counts
                                        .withLevel(
                                                "validation.request.contentType.notAllowed",
                                                ValidationReport.Level.WARN)
                                        .withLevel(
                                                "validation.response.contentType.notAllowed",
                                                ValidationReport.Level.WARN)
                                        .build())
                                .build();
                    } finally {
                        thread.setContextClassLoader(previous);
                    }
                    shared = current;
                }
            }
        }
        return current;
    }

    /**
     * The document as published, less two Swagger 2 leftovers in it (a top-level {@code schemes}, and
     * {@code collectionFormat} on 390 list-filter parameters) that an OpenAPI 3 parser refuses to load; no
     * parameter the adapters send is one of those filters.
     */
    static String document() {
        try (InputStream in = PublishedContract.class.getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is missing from the simulator's classpath");
            }
            ObjectMapper json = new ObjectMapper();
            ObjectNode root = (ObjectNode) json.readTree(in);
            root.remove("schemes");
            root.path("paths")
                    .forEach(path -> path.forEach(operation -> operation
                            .path("parameters")
                            .forEach(parameter -> {
                                if (parameter instanceof ObjectNode object) {
                                    object.remove("collectionFormat");
                                }
                            })));
            return json.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
