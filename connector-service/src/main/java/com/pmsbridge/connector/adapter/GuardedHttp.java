package com.pmsbridge.connector.adapter;

import com.pmsbridge.service.tracing.ClientSpans;
import com.pmsbridge.service.tracing.TraceContexts;
import io.opentelemetry.api.trace.Span;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one HTTP client for calls an organisation's configuration steers (PMS APIs, JWKS issuers): every new connection
 * resolves its host through {@link GuardedDnsResolver}, redirects are never followed, no cookies are kept, and a
 * response is read up to {@code connector.outbound.max-response-bytes}.
 */
@ApplicationScoped
public class GuardedHttp {
    private final CloseableHttpClient client;
    private final int maxResponseBytes;
    private final ClientSpans spans;

    GuardedHttp(OutboundConfig config, ClientSpans spans) {
        this.spans = spans;
        this.maxResponseBytes = config.maxResponseBytes();
        var platformHosts = config.platformHosts().orElse(List.of()).stream()
                .map(host -> host.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new GuardedDnsResolver(platformHosts))
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofSeconds(5))
                                .build())
                        .setMaxConnPerRoute(config.maxConnectionsPerHost())
                        .setMaxConnTotal(config.maxConnectionsPerHost() * 20)
                        .build())
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAutomaticRetries() // PmsHttpClient retries with its own backoff
                .disableAuthCaching()
                .build();
    }

    /**
     * Sends once, as a client span of the current trace, and reads the whole (capped) answer; I/O failures and refused
     * addresses are thrown.
     */
    public PmsHttpClient.Answer exchange(PmsRequest request, Duration timeout) throws IOException {
        Span span = spans.start(request.method(), request.uri());
        try {
            PmsHttpClient.Answer answer = send(request, timeout, ClientSpans.traceparent(span));
            ClientSpans.ended(span, answer.status());
            return answer;
        } catch (IOException | RuntimeException e) {
            ClientSpans.failed(span, e);
            throw e;
        }
    }

    private PmsHttpClient.Answer send(PmsRequest request, Duration timeout, String traceparent) throws IOException {
        HttpUriRequestBase outgoing = new HttpUriRequestBase(request.method(), request.uri());
        request.headers().forEach(outgoing::addHeader);
        if (traceparent != null) {
            outgoing.setHeader(TraceContexts.TRACEPARENT, traceparent);
        }
        if (request.jsonBody() != null) {
            outgoing.setEntity(new StringEntity(request.jsonBody(), ContentType.APPLICATION_JSON));
        }
        outgoing.setConfig(RequestConfig.custom()
                .setResponseTimeout(Timeout.of(timeout))
                .setConnectionRequestTimeout(Timeout.of(timeout))
                .build());
        return client.execute(outgoing, response -> {
            String body = "";
            if (response.getEntity() != null) {
                try (InputStream in = response.getEntity().getContent()) {
                    body = CappedBody.read(in, maxResponseBytes);
                }
            }
            return new PmsHttpClient.Answer(response.getCode(), body, headers(response.getHeaders()));
        });
    }

    private static Map<String, List<String>> headers(Header[] headers) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (Header header : headers) {
            map.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
        }
        return map;
    }

    @PreDestroy
    void close() throws IOException {
        client.close();
    }
}
