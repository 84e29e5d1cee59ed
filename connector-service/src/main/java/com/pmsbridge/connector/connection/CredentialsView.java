package com.pmsbridge.connector.connection;

/** What the API shows of a connection's secrets: fingerprints and rotation times, never a value. */
public record CredentialsView(ConnectionSecrets.Summary credential, ConnectionSecrets.Summary webhookSecret) {}
