package com.pmsbridge.service.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;

import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;

/**
 * CLIENT spans for the HTTP calls the services make with clients Quarkus does not instrument ({@code java.net.http},
 * Apache HttpClient): a PMS call, the gateway's forwarding. The request carries the span's {@code traceparent}; the
 * span names the method and the host, never the query or a body.
 */
@ApplicationScoped
public class ClientSpans {
    private final Tracer tracer;

    ClientSpans(Tracer tracer) {
        this.tracer = tracer;
    }

    public Span start(String method, URI uri) {
        return tracer.spanBuilder(method)
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute("http.request.method", method)
                .setAttribute("server.address", String.valueOf(uri.getHost()))
                .setAttribute("server.port", (long) uri.getPort())
                .setAttribute("url.path", String.valueOf(uri.getRawPath()))
                .startSpan();
    }

    /** The {@code traceparent} header value the request sends; null when not traced. */
    public static String traceparent(Span span) {
        return TraceContexts.traceparent(span);
    }

    public static void ended(Span span, int status) {
        span.setAttribute("http.response.status_code", (long) status);
        if (status >= 500) {
            span.setStatus(StatusCode.ERROR);
        }
        span.end();
    }

    public static void failed(Span span, Throwable failure) {
        span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
        span.end();
    }
}
