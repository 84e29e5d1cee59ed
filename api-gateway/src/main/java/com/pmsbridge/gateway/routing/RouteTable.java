package com.pmsbridge.gateway.routing;

import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Resolves a request path to a backend URL: longest prefix first, on path-segment boundaries. */
@ApplicationScoped
public class RouteTable {
    private final List<GatewayConfig.Route> routes;

    public RouteTable(GatewayConfig config) {
        this.routes = config.routes().values().stream()
                .sorted(Comparator.comparingInt(
                                (GatewayConfig.Route r) -> r.pathPrefix().length())
                        .reversed())
                .toList();
    }

    public Optional<URI> resolve(String path, String rawQuery) {
        return routes.stream()
                .filter(route -> path.equals(route.pathPrefix()) || path.startsWith(route.pathPrefix() + "/"))
                .findFirst()
                .map(route ->
                        URI.create(stripSlash(route.targetUrl()) + path + (rawQuery == null ? "" : "?" + rawQuery)));
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
