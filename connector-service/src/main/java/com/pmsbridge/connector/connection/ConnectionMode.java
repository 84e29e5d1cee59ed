package com.pmsbridge.connector.connection;

/** How changes reach us: pushed webhooks, our polling, or both (webhooks with a catch-up poll). */
public enum ConnectionMode {
    WEBHOOK,
    POLLING,
    BOTH
}
