package com.pmsbridge.connector.adapter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.BadRequestException;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Guards every outbound call against server-side request forgery: https only, hosts allowed per PMS type, and every
 * resolved address public, checked when a URL is configured and again on every connect by {@link GuardedDnsResolver}
 * (redirects are never followed). Hosts the platform runs itself are exempt when listed in {@code connector.outbound.platform-hosts}.
 */
@ApplicationScoped
public class OutboundTargets {
    private final OutboundConfig config;

    OutboundTargets(OutboundConfig config) {
        this.config = config;
    }

    /** At configuration time: a URL the connection's PMS type may use, else 400 naming the field. */
    public void requireAllowed(String pmsType, String url, String field) {
        if (url == null) {
            return;
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("field '" + field + "' is not a URL");
        }
        problem(pmsType, uri).ifPresent(reason -> {
            throw new BadRequestException("field '" + field + "' is refused: " + reason);
        });
    }

    /**
     * Before each request: throws when the URL breaks the rules now, whatever they were when it was configured. Its
     * addresses are checked by {@link GuardedDnsResolver} when the connection is opened.
     */
    public void requireSafe(String pmsType, URI uri) {
        ruleProblem(pmsType, uri).ifPresent(reason -> {
            throw new PmsUnavailableException("outbound_refused", 0);
        });
    }

    /** Why a request to {@code uri} is refused for this PMS type (rules and current addresses), or empty. */
    public Optional<String> problem(String pmsType, URI uri) {
        Optional<String> ruleProblem = ruleProblem(pmsType, uri);
        if (ruleProblem.isPresent() || platformHost(uri.getHost().toLowerCase(Locale.ROOT))) {
            return ruleProblem;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!isPublic(address)) {
                    return Optional.of("host " + host + " resolves to a non-public address");
                }
            }
        } catch (UnknownHostException e) {
            return Optional.of("host " + host + " does not resolve");
        }
        return Optional.empty();
    }

    /** Scheme, user info, port and the PMS type's host list: what a URL must satisfy before any lookup. */
    private Optional<String> ruleProblem(String pmsType, URI uri) {
        String host = uri.getHost();
        if (host == null || uri.getUserInfo() != null) {
            return Optional.of("an absolute URL with a host and no user info is required");
        }
        host = host.toLowerCase(Locale.ROOT);
        if (platformHost(host)) {
            return "http".equals(uri.getScheme()) || "https".equals(uri.getScheme())
                    ? Optional.empty()
                    : Optional.of("only http and https are allowed");
        }
        if (!"https".equals(uri.getScheme())) {
            return Optional.of("only https is allowed");
        }
        if (uri.getPort() != -1 && uri.getPort() != 443) {
            return Optional.of("only the default https port is allowed");
        }
        if (!allowedFor(pmsType, host)) {
            return Optional.of("host " + host + " is not allowed for " + pmsType);
        }
        return Optional.empty();
    }

    private boolean platformHost(String host) {
        return config.platformHosts().orElse(List.of()).stream().anyMatch(host::equalsIgnoreCase);
    }

    private boolean allowedFor(String pmsType, String host) {
        return switch (pmsType == null ? "" : pmsType) {
            case "buildium" -> config.buildiumHosts().stream().anyMatch(host::equalsIgnoreCase);
            case "appfolio" -> config.appfolioHostSuffixes().stream().anyMatch(host::endsWith);
            default -> true; // the generic adapter calls the customer's own PMS: any public host
        };
    }

    /** Loopback, private, link-local (cloud metadata), multicast, unspecified and unique-local addresses are not. */
    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isAnyLocalAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            // 100.64/10 carrier-grade NAT (often a cluster's pod or service range), 0/8, 198.18/15 benchmarks
            return !(first == 0
                    || (first == 100 && second >= 64 && second < 128)
                    || (first == 198 && (second == 18 || second == 19))
                    || first >= 240);
        }
        return (bytes[0] & 0xfe) != 0xfc; // fc00::/7 unique local
    }
}
