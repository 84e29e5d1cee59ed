package com.pmsbridge.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** The RSA key pair that signs test tokens. Test-only: it is committed and must never be trusted outside tests. */
public final class TestKeys {
    public static final String KEY_ID = "pms-bridge-test-key";
    private static final RSAPrivateKey PRIVATE_KEY = (RSAPrivateKey) load("test-oidc/private-key.pem", true);
    private static final RSAPublicKey PUBLIC_KEY = (RSAPublicKey) load("test-oidc/public-key.pem", false);

    private TestKeys() {}

    public static RSAPrivateKey privateKey() {
        return PRIVATE_KEY;
    }

    public static RSAPublicKey publicKey() {
        return PUBLIC_KEY;
    }

    private static Key load(String resource, boolean isPrivate) {
        try (InputStream in = TestKeys.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test key " + resource);
            }
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "")
                    .replaceAll("\\s", "");
            byte[] der = Base64.getDecoder().decode(pem);
            KeyFactory factory = KeyFactory.getInstance("RSA");
            return isPrivate
                    ? factory.generatePrivate(new PKCS8EncodedKeySpec(der))
                    : factory.generatePublic(new X509EncodedKeySpec(der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
