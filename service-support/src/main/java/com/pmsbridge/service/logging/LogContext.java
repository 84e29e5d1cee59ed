package com.pmsbridge.service.logging;

import org.jboss.logging.MDC;

/**
 * The organisation and connection a piece of work is for, on every log line it writes (the JSON logs' {@code mdc}
 * fields {@code org} and {@code connection}); closing it takes them off again, so a pooled thread carries none over.
 */
public final class LogContext implements AutoCloseable {
    static final String ORG = "org";
    static final String CONNECTION = "connection";

    private LogContext() {}

    /** @param org the organisation, or null when not known yet */
    public static LogContext of(String org, String connectionId) {
        if (org != null) {
            MDC.put(ORG, org);
        }
        if (connectionId != null) {
            MDC.put(CONNECTION, connectionId);
        }
        return new LogContext();
    }

    @Override
    public void close() {
        MDC.remove(ORG);
        MDC.remove(CONNECTION);
    }
}
