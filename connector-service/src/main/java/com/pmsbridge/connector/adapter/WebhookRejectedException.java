package com.pmsbridge.connector.adapter;

/** A webhook we refuse, with the HTTP status and a reason that names what is wrong (never a secret). */
public class WebhookRejectedException extends RuntimeException {
    private final int status;
    private final String reasonCode;
    private final Integer retryAfterSeconds;

    public WebhookRejectedException(int status, String reasonCode, String detail) {
        this(status, reasonCode, detail, null);
    }

    private WebhookRejectedException(int status, String reasonCode, String detail, Integer retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.reasonCode = reasonCode;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** 503: nothing was stored; the PMS should retry after the given seconds. */
    public static WebhookRejectedException unavailable(String reasonCode, String detail, int retryAfterSeconds) {
        return new WebhookRejectedException(503, reasonCode, detail, retryAfterSeconds);
    }

    /** Seconds for the Retry-After header, or null. */
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static WebhookRejectedException unauthorized(String reasonCode, String detail) {
        return new WebhookRejectedException(401, reasonCode, detail);
    }

    public static WebhookRejectedException badRequest(String reasonCode, String detail) {
        return new WebhookRejectedException(400, reasonCode, detail);
    }

    public int status() {
        return status;
    }

    /** A short, bounded code for metrics (signature_invalid, timestamp_stale, malformed_json, ...). */
    public String reasonCode() {
        return reasonCode;
    }
}
