package com.pmsbridge.connector.adapter;

/** A PMS record that cannot be mapped to the canonical model; carries the raw record for the DLQ. */
public class MappingException extends RuntimeException {
    private final String rawPayload;

    public MappingException(String message, String rawPayload) {
        super(message);
        this.rawPayload = rawPayload;
    }

    public String rawPayload() {
        return rawPayload;
    }
}
