package com.pmsbridge.sync.intake;

/** A record on a change topic that is not a valid change event; it goes to the DLQ with this message. */
public class InvalidChangeEventException extends RuntimeException {
    public InvalidChangeEventException(String message) {
        super(message);
    }
}
