package com.pmsbridge.gateway.console;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import java.net.URI;

/**
 * Cross-site request forgery defence for the console's forms: a POST to {@code /console} must come from a page of
 * this site (the browser's {@code Sec-Fetch-Site} or {@code Origin} says so), on top of the session cookie's SameSite.
 */
@Provider
@PreMatching
public class SameOriginForms implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
        if (!"POST".equals(request.getMethod())
                || !request.getUriInfo().getPath().startsWith("/console")) {
            return;
        }
        String site = request.getHeaderString("Sec-Fetch-Site");
        String origin = request.getHeaderString("Origin");
        boolean sameSite = site != null
                ? site.equals("same-origin")
                : origin != null && sameOrigin(origin, request.getUriInfo().getRequestUri());
        if (!sameSite) {
            request.abortWith(Response.status(403)
                    .type(MediaType.TEXT_PLAIN)
                    .entity("console forms are accepted from the console's own pages only")
                    .build());
        }
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static boolean sameOrigin(String origin, URI request) {
        try {
            URI from = URI.create(origin);
            return request.getHost() != null
                    && request.getHost().equalsIgnoreCase(from.getHost())
                    && port(request) == port(from);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
