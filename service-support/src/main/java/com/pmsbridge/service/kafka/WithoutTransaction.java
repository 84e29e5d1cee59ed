package com.pmsbridge.service.kafka;

import org.eclipse.microprofile.context.ThreadContext;

import java.util.function.Supplier;

/**
 * Runs a Kafka send outside the caller's JTA transaction context. Without this, context propagation hands the
 * transaction to the Kafka producer's network thread that completes the send, and the commit then fails at random
 * with "Enlisted connection used without active transaction" (quarkusio/quarkus#39098). The database transaction
 * itself stays open around the call.
 */
public final class WithoutTransaction {
    private static final ThreadContext NO_TRANSACTION = ThreadContext.builder()
            .cleared(ThreadContext.TRANSACTION)
            .propagated(ThreadContext.ALL_REMAINING)
            .unchanged()
            .build();

    private WithoutTransaction() {}

    public static <T> T call(Supplier<T> work) {
        return NO_TRANSACTION.contextualSupplier(work).get();
    }

    public static void run(Runnable work) {
        NO_TRANSACTION.contextualRunnable(work).run();
    }
}
