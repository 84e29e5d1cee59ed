package com.pmsbridge.connector.connection;

/** The secrets one connection has. */
public enum SecretKind {
    /** API credentials: Buildium {@code clientId:clientSecret}, AppFolio Basic {@code user:password}. */
    CREDENTIAL,
    /** The shared secret PMS webhooks are signed with. */
    WEBHOOK
}
