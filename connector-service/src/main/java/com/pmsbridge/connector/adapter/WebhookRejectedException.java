package com.pmsbridge.connector.adapter;

/** A webhook we refuse, with the HTTP status and a reason that names what is wrong (never a secret). */
public class WebhookRejectedException extends RuntimeException {
    private final int status;
    private final String reasonCode;

    public WebhookRejectedException(int status, String reasonCode, String detail) {
        super(detail);
        this.status = status;
        this.reasonCode = reasonCode;
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
