package com.pmsbridge.testsupport;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.time.Instant;
import java.util.Set;

/** Signed access tokens shaped like Keycloak's for the pms realm: {@code org}, {@code groups}, audience. */
public final class TestTokens {
    public static final String AUDIENCE = "pms-bridge";

    private TestTokens() {}

    public static String issuer() {
        String issuer = System.getProperty(TestOidcServer.ISSUER_PROPERTY);
        if (issuer == null) {
            throw new IllegalStateException(
                    "the test OIDC server is not started (TestOidcResource or TestOidcServer.start())");
        }
        return issuer;
    }

    /** A valid token for a user of {@code org} with the given realm roles. */
    public static String of(String subject, String org, String... roles) {
        return claims(subject, org, roles).sign(TestKeys.privateKey());
    }

    public static String expired(String subject, String org, String... roles) {
        return claims(subject, org, roles)
                .issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600))
                .sign(TestKeys.privateKey());
    }

    public static String withIssuer(String issuer, String subject, String org, String... roles) {
        return claims(subject, org, roles).issuer(issuer).sign(TestKeys.privateKey());
    }

    public static String withAudience(String audience, String subject, String org, String... roles) {
        return claims(subject, org, roles).audience(audience).sign(TestKeys.privateKey());
    }

    private static JwtClaimsBuilder claims(String subject, String org, String... roles) {
        JwtClaimsBuilder builder = Jwt.issuer(issuer())
                .subject(subject)
                .audience(AUDIENCE)
                .claim("org", org)
                .claim("preferred_username", subject)
                .groups(Set.of(roles))
                .expiresIn(600);
        builder.jws().keyId(TestKeys.KEY_ID);
        return builder;
    }
}
