package com.pmsbridge.connector.connection;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.subtle.AesGcmJce;

import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AES-256-GCM (Tink) under named key-encryption keys. The associated data binds a ciphertext to its connection and
 * kind, so a value copied into another connection's row does not decrypt.
 */
@ApplicationScoped
public class SecretCipher {
    /** A value as stored: the key that encrypted it and the ciphertext. */
    public record Sealed(String keyId, byte[] ciphertext) {}

    private final Map<String, Aead> keys = new LinkedHashMap<>();
    private final String primaryKeyId;

    SecretCipher(SecretsConfig config) {
        for (String entry : config.keys().split(",")) {
            String[] parts = entry.trim().split(":", 2);
            if (parts.length != 2) {
                throw new IllegalStateException("connector.secrets.keys: each entry must be id:base64(32 bytes)");
            }
            keys.put(parts[0], aead(parts[0], parts[1]));
        }
        if (!keys.containsKey(config.primaryKeyId())) {
            throw new IllegalStateException("connector.secrets.primary-key-id names no key of connector.secrets.keys");
        }
        this.primaryKeyId = config.primaryKeyId();
    }

    public String primaryKeyId() {
        return primaryKeyId;
    }

    public Sealed seal(String connectionId, SecretKind kind, String plaintext) {
        try {
            return new Sealed(
                    primaryKeyId,
                    keys.get(primaryKeyId)
                            .encrypt(plaintext.getBytes(StandardCharsets.UTF_8), associatedData(connectionId, kind)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public String open(String connectionId, SecretKind kind, Sealed sealed) {
        Aead key = keys.get(sealed.keyId());
        if (key == null) {
            throw new IllegalStateException(
                    "secret encrypted under key '" + sealed.keyId() + "', which is not configured");
        }
        try {
            return new String(
                    key.decrypt(sealed.ciphertext(), associatedData(connectionId, kind)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("secret of connection " + connectionId + " does not decrypt", e);
        }
    }

    /** A short, non-reversible name for a value, so an admin can tell which secret is set. */
    public static String fingerprint(String plaintext) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(plaintext.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] associatedData(String connectionId, SecretKind kind) {
        return (connectionId + "/" + kind.name()).getBytes(StandardCharsets.UTF_8);
    }

    private static Aead aead(String id, String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("connector.secrets.keys: key '" + id + "' is not base64");
        }
        if (key.length != 32) {
            throw new IllegalStateException("connector.secrets.keys: key '" + id + "' must be 32 bytes");
        }
        try {
            return new AesGcmJce(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("connector.secrets.keys: key '" + id + "' unusable", e);
        }
    }
}
