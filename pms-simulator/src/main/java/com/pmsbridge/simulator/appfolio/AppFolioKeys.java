package com.pmsbridge.simulator.appfolio;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AppFolio's webhook signing as its public examples show it: a JWS with detached payload in {@code X-JWS-Signature}
 * ({@code <protected header>..<signature>}), PS256, the key named by {@code kid} and published in a JWKS. Keys can be
 * rotated; the JWKS keeps the previous key until it is retired.
 */
public final class AppFolioKeys {
    private final List<Map.Entry<String, KeyPair>> keys = new ArrayList<>();
    private int generation;

    public AppFolioKeys() {
        rotate();
    }

    /** Starts signing with a new key; the old key stays in the JWKS. Returns the new kid. */
    public synchronized String rotate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            String kid = "appfolio-sim-" + (++generation);
            keys.addFirst(Map.entry(kid, generator.generateKeyPair()));
            return kid;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Removes every key but the current one from the JWKS. */
    public synchronized void retireOldKeys() {
        keys.subList(1, keys.size()).clear();
    }

    public synchronized Map<String, Object> jwks() {
        List<Map<String, Object>> jwks = new ArrayList<>();
        for (Map.Entry<String, KeyPair> key : keys) {
            RSAPublicKey publicKey = (RSAPublicKey) key.getValue().getPublic();
            Map<String, Object> jwk = new LinkedHashMap<>();
            jwk.put("kty", "RSA");
            jwk.put("use", "sig");
            jwk.put("alg", "PS256");
            jwk.put("kid", key.getKey());
            jwk.put("n", base64Url(publicKey.getModulus()));
            jwk.put("e", base64Url(publicKey.getPublicExponent()));
            jwks.add(jwk);
        }
        return Map.of("keys", jwks);
    }

    /** Signs a body with the current key: {@code base64url(header)..base64url(signature)}. */
    public synchronized String sign(String body) {
        return sign(body, keys.getFirst().getKey(), keys.getFirst().getValue());
    }

    /** Signs with a key that is not in the JWKS (for tests of the rejection). */
    public static String signWithForeignKey(String body) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return sign(body, "appfolio-sim-1", generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(String body, String kid, KeyPair key) {
        try {
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            String header = b64.encodeToString(
                    ("{\"alg\":\"PS256\",\"kid\":\"" + kid + "\"}").getBytes(StandardCharsets.UTF_8));
            String payload = b64.encodeToString(body.getBytes(StandardCharsets.UTF_8));
            Signature signature = Signature.getInstance("RSASSA-PSS");
            signature.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
            signature.initSign(key.getPrivate());
            signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + ".." + b64.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
