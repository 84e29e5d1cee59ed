package com.pmsbridge.service.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

import java.util.Map;

/**
 * W3C trace context ({@code traceparent}) where the services carry it: a row's column (an outbox record, a queue item)
 * and HTTP requests the services send; {@link KafkaTraceHeaders} for Kafka records (apart: the gateway has no Kafka
 * client on its class path).
 */
public final class TraceContexts {
    public static final String TRACEPARENT = "traceparent";
    static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapGetter<Map<String, String>> MAP_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private TraceContexts() {}

    /** The context a stored {@code traceparent} names; {@link Context#root()} when null or malformed. */
    public static Context fromTraceparent(String traceparent) {
        return traceparent == null
                ? Context.root()
                : W3C.extract(Context.root(), Map.of(TRACEPARENT, traceparent), MAP_GETTER);
    }

    /** The span's {@code traceparent}, to store with what it caused; null when there is no valid span. */
    public static String traceparent(Span span) {
        SpanContext context = span.getSpanContext();
        if (!context.isValid()) {
            return null;
        }
        return "00-" + context.getTraceId() + "-" + context.getSpanId() + "-"
                + context.getTraceFlags().asHex();
    }

    /** The current span's {@code traceparent}, or null. */
    public static String currentTraceparent() {
        return traceparent(Span.current());
    }

    /** True when the context holds a span to continue (a record or row that carried a trace). */
    public static boolean hasSpan(Context context) {
        return Span.fromContext(context).getSpanContext().isValid();
    }
}
