package com.pmsbridge.connector.adapter;

import com.pmsbridge.connector.connection.Connection;

/**
 * The boundary to one kind of PMS. Adding a PMS means adding one package with an implementation of this interface
 * as a CDI bean; {@link PmsAdapters} finds it by {@link #pmsType()}.
 */
public interface PmsAdapter {

    /** The connection's {@code pms_type} this adapter serves, e.g. {@code generic} or {@code buildium}. */
    String pmsType();

    /**
     * Checks the webhook's authenticity (signature, replay window).
     *
     * @throws WebhookRejectedException with 401 when the request is not authentic
     */
    void verify(WebhookRequest request, Connection connection);

    /**
     * Turns a verified webhook into canonical changes.
     *
     * @throws WebhookRejectedException with 400 naming what is wrong when the body cannot be understood
     */
    ParsedWebhook parse(WebhookRequest request, Connection connection);
}
