package com.pmsbridge.connector.connection;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How connection secrets are kept: encrypted under key-encryption keys from a Kubernetes Secret. */
@ConfigMapping(prefix = "connector.secrets")
public interface SecretsConfig {
    /**
     * Key-encryption keys as {@code id:base64(32 bytes)}, comma-separated; keep retired keys listed until
     * every value is re-encrypted (done at startup). Required: startup stops naming it when missing.
     */
    String keys();

    /** Id of the key that encrypts new values; one of {@link #keys()}. */
    String primaryKeyId();

    /** How long a replaced webhook secret stays valid, so a PMS can switch over without lost deliveries. */
    @WithDefault("PT24H")
    Duration webhookSecretOverlap();

    /** Longest secret accepted, in characters. */
    @WithDefault("4096")
    int maxLength();
}
