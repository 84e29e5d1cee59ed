package com.pmsbridge.connector.adapter;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

/**
 * Resolves a PMS host for the connection being opened and refuses it when any address is not public, so an answer
 * that changes after the URL was checked (DNS rebinding) cannot reach an internal address. Platform hosts are exempt.
 */
final class GuardedDnsResolver implements DnsResolver {
    private final DnsResolver delegate;
    private final Set<String> platformHosts;

    GuardedDnsResolver(DnsResolver delegate, Set<String> platformHosts) {
        this.delegate = delegate;
        this.platformHosts = platformHosts;
    }

    GuardedDnsResolver(Set<String> platformHosts) {
        this(SystemDefaultDnsResolver.INSTANCE, platformHosts);
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = delegate.resolve(host);
        if (platformHosts.contains(host.toLowerCase(Locale.ROOT))) {
            return addresses;
        }
        for (InetAddress address : addresses) {
            if (!OutboundTargets.isPublic(address)) {
                throw new RefusedAddressException(host);
            }
        }
        return addresses;
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return delegate.resolveCanonicalHostname(host);
    }

    /** The host resolved to an address the connector must not call. */
    static final class RefusedAddressException extends UnknownHostException {
        RefusedAddressException(String host) {
            super("host " + host + " resolves to a non-public address");
        }
    }
}
