package com.pmsbridge.service.security;

import org.eclipse.microprofile.jwt.JsonWebToken;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.ForbiddenException;

/** The organisation of the caller, from the token's {@code org} claim; every query and command is scoped by it. */
@RequestScoped
public class CallerOrg {
    private final JsonWebToken token;

    CallerOrg(JsonWebToken token) {
        this.token = token;
    }

    public String value() {
        Object org = token.getClaim("org");
        if (org == null || org.toString().isBlank()) {
            throw new ForbiddenException("the token carries no org claim");
        }
        return org.toString();
    }

    public String subject() {
        return token.getSubject();
    }

    /** Who acts, as a person reads it in the Log: the token's name, else the user name, else the subject. */
    public String actor() {
        for (String claim : new String[] {"name", "preferred_username"}) {
            Object value = token.getClaim(claim);
            if (value != null && !value.toString().isBlank()) {
                return value.toString();
            }
        }
        return token.getSubject();
    }
}
