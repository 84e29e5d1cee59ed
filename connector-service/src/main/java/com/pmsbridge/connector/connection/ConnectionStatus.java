package com.pmsbridge.connector.connection;

/** Derived from the PMS's answers: 401/403 means DISCONNECTED until reauthorized. */
public enum ConnectionStatus {
    CONNECTED,
    DEGRADED,
    DISCONNECTED
}
