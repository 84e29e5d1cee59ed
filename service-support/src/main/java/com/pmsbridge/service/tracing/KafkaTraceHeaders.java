package com.pmsbridge.service.tracing;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** W3C trace context in Kafka record headers ({@code traceparent}), read and written like the channels do. */
public final class KafkaTraceHeaders {
    private static final TextMapGetter<Headers> KAFKA_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            List<String> keys = new ArrayList<>();
            headers.forEach(header -> keys.add(header.key()));
            return keys;
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private static final TextMapSetter<Headers> KAFKA_SETTER = (headers, key, value) -> {
        headers.remove(key);
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    };

    private KafkaTraceHeaders() {}

    /** The trace a Kafka record continues; {@link Context#root()} with no span when it carries none. */
    public static Context fromHeaders(Headers headers) {
        return TraceContexts.W3C.extract(Context.root(), headers, KAFKA_GETTER);
    }

    /** Writes the context's span into the headers, replacing any {@code traceparent} they had. */
    public static void toHeaders(Context context, Headers headers) {
        TraceContexts.W3C.inject(context, headers, KAFKA_SETTER);
    }
}
