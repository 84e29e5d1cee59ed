package com.pmsbridge.gateway.console;

import io.quarkus.oidc.IdToken;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Who is signed in to the console, what they may do, and the access token the console calls the API with. */
@RequestScoped
@Named("viewer")
public class Viewer {
    @Inject
    SecurityIdentity identity;

    @Inject
    @IdToken
    JsonWebToken idToken;

    @Inject
    TokenCredential accessToken;

    public String name() {
        Object name = idToken.getClaim("name");
        Object username = idToken.getClaim("preferred_username");
        return name != null ? name.toString() : username != null ? username.toString() : idToken.getName();
    }

    public String org() {
        Object org = idToken.getClaim("org");
        return org == null ? "(no organisation)" : org.toString();
    }

    /** Operators and admins act on the queue and start Syncs; viewers only look. */
    public boolean canAct() {
        return identity.hasRole("operator") || identity.hasRole("admin");
    }

    /** Admins change auto-apply settings and connections. */
    public boolean isAdmin() {
        return identity.hasRole("admin");
    }

    public boolean isPlatformAdmin() {
        return identity.hasRole("platform-admin");
    }

    public String role() {
        return isAdmin() ? "admin" : canAct() ? "operator" : "viewer";
    }

    String token() {
        return accessToken.getToken();
    }
}
