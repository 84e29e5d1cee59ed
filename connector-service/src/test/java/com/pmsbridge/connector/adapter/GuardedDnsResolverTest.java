package com.pmsbridge.connector.adapter;

import org.apache.hc.client5.http.DnsResolver;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GuardedDnsResolverTest {
    /** Answers each lookup with the next of its queued answers, as a rebinding attacker's name server would. */
    private static final class ScriptedDns implements DnsResolver {
        private final Deque<InetAddress[]> answers = new ArrayDeque<>();

        ScriptedDns then(String... addresses) throws UnknownHostException {
            InetAddress[] answer = new InetAddress[addresses.length];
            for (int i = 0; i < addresses.length; i++) {
                answer[i] = InetAddress.getByName(addresses[i]);
            }
            answers.add(answer);
            return this;
        }

        @Override
        public InetAddress[] resolve(String host) {
            return answers.poll();
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    }

    @Test
    void givenNameRebindingToLoopback_whenTheSecondConnectionOpens_thenRefused() throws UnknownHostException {
        GuardedDnsResolver resolver =
                new GuardedDnsResolver(new ScriptedDns().then("52.1.2.3").then("127.0.0.1"), Set.of());

        assertThat(resolver.resolve("pms.example.com")).hasSize(1);
        assertThatThrownBy(() -> resolver.resolve("pms.example.com"))
                .isInstanceOf(GuardedDnsResolver.RefusedAddressException.class)
                .hasMessageContaining("non-public");
    }

    @Test
    void givenOnePrivateAddressAmongPublicOnes_whenResolved_thenRefused() throws UnknownHostException {
        GuardedDnsResolver resolver =
                new GuardedDnsResolver(new ScriptedDns().then("52.1.2.3", "169.254.169.254"), Set.of());

        assertThatThrownBy(() -> resolver.resolve("pms.example.com"))
                .isInstanceOf(GuardedDnsResolver.RefusedAddressException.class);
    }

    @Test
    void givenPlatformHost_whenItResolvesToLoopback_thenAllowed() throws UnknownHostException {
        GuardedDnsResolver resolver =
                new GuardedDnsResolver(new ScriptedDns().then("127.0.0.1"), Set.of("simulator.local"));

        assertThat(resolver.resolve("Simulator.Local"))
                .extracting(InetAddress::getHostAddress)
                .containsExactly("127.0.0.1");
    }
}
