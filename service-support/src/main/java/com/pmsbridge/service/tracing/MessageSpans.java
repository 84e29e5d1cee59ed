package com.pmsbridge.service.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The span of a consumer's work on one Kafka record, continuing the trace in its {@code traceparent} header, and
 * current while the work runs: what it publishes or calls joins the same trace. A record without a trace context is
 * worked on without a span (bulk records of a Sync or a benchmark start no trace each).
 */
@ApplicationScoped
public class MessageSpans {
    private final Tracer tracer;

    MessageSpans(Tracer tracer) {
        this.tracer = tracer;
    }

    /** Work on a record that may throw. */
    @FunctionalInterface
    public interface Work<E extends Exception> {
        void run() throws E;
    }

    public <E extends Exception> void process(ConsumerRecord<?, ?> record, Work<E> work) throws E {
        Context parent = KafkaTraceHeaders.fromHeaders(record.headers());
        if (!TraceContexts.hasSpan(parent)) {
            work.run();
            return;
        }
        Span span = consumerSpan(record.topic(), parent);
        try (Scope ignored = span.makeCurrent()) {
            work.run();
        } catch (Exception | Error e) {
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            span.end();
        }
    }

    /**
     * A started, not current span for a record processed in a batch (the caller ends it once the batch is done); null
     * when the record carries no trace context.
     */
    public Span startBatched(ConsumerRecord<?, ?> record) {
        Context parent = KafkaTraceHeaders.fromHeaders(record.headers());
        return TraceContexts.hasSpan(parent) ? consumerSpan(record.topic(), parent) : null;
    }

    /** A PRODUCER span continuing a stored trace, for a record sent outside a channel (the outbox relay). */
    public Span startPublish(String topic, Context parent) {
        return tracer.spanBuilder(topic + " publish")
                .setParent(parent)
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.operation.type", "publish")
                .startSpan();
    }

    /** An INTERNAL span continuing a stored trace, with a link to what is current (an operator's request). */
    public Span startContinuing(String name, Context stored) {
        var builder = tracer.spanBuilder(name).setParent(stored);
        Span current = Span.current();
        if (current.getSpanContext().isValid()
                && !current.getSpanContext()
                        .getTraceId()
                        .equals(Span.fromContext(stored).getSpanContext().getTraceId())) {
            builder.addLink(current.getSpanContext());
        }
        return builder.startSpan();
    }

    private Span consumerSpan(String topic, Context parent) {
        return tracer.spanBuilder(topic + " process")
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.operation.type", "process")
                .startSpan();
    }
}
