package com.pmsbridge.connector.adapter;

/** The PMS did not answer usefully (after retries), or refused our credentials ({@link #unauthorized()}). */
public class PmsUnavailableException extends RuntimeException {
    private final int status;

    public PmsUnavailableException(String message, int status) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** 401/403: the connection must be reauthorized. */
    public boolean unauthorized() {
        return status == 401 || status == 403;
    }

    /** A 4xx other than 401/403/429: retrying the same request will not help. */
    public boolean permanent() {
        return status >= 400 && status < 500 && !unauthorized() && status != 429;
    }
}
