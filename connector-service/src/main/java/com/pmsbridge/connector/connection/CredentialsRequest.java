package com.pmsbridge.connector.connection;

/** Write-only: the secrets an admin sets on a connection. Either may be left out to keep the current one. */
public record CredentialsRequest(String credential, String webhookSecret) {}
