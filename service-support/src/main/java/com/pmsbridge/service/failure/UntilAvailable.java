package com.pmsbridge.service.failure;

import io.micrometer.core.instrument.Counter;
import org.jboss.logging.Logger;

/**
 * The one way a consumer waits out an outage: the work is tried again, backing off to {@value #MAX_BACKOFF_MS} ms,
 * for as long as it fails transiently ({@link TransientFailures}); the record's offset does not move meanwhile. Any
 * other failure is thrown at once, for the caller's dead-letter handling.
 */
public final class UntilAvailable {
    private static final Logger LOG = Logger.getLogger(UntilAvailable.class);
    static final long FIRST_BACKOFF_MS = 200;
    static final long MAX_BACKOFF_MS = 10_000;

    private UntilAvailable() {}

    /** Runs {@code work} until it succeeds or fails for a reason other than an outage; counts each wait. */
    public static void run(String what, Counter waits, Runnable work) {
        long backoffMs = FIRST_BACKOFF_MS;
        while (true) {
            try {
                work.run();
                return;
            } catch (RuntimeException e) {
                if (!TransientFailures.isTransient(e)) {
                    throw e;
                }
                LOG.warnf("unavailable (%s); retrying %s in %d ms", TransientFailures.describe(e), what, backoffMs);
                waits.increment();
                try {
                    Thread.sleep(backoffMs);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF_MS);
            }
        }
    }
}
