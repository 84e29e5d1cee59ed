package com.pmsbridge.connector.adapter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class OutboundTargetsTest {
    /** Production settings: no platform hosts. */
    private final OutboundTargets production = new OutboundTargets(new OutboundConfig() {
        @Override
        public Optional<List<String>> platformHosts() {
            return Optional.empty();
        }

        @Override
        public List<String> buildiumHosts() {
            return List.of("api.buildium.com");
        }

        @Override
        public List<String> appfolioHostSuffixes() {
            return List.of(".appfolio.com");
        }

        @Override
        public int maxConnectionsPerHost() {
            return 1;
        }

        @Override
        public int maxResponseBytes() {
            return 1024;
        }
    });

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://127.0.0.1/",
                "http://127.0.0.1:5432/",
                "https://127.0.0.1:8180/realms/pms",
                "https://localhost/",
                "https://169.254.169.254/latest/meta-data",
                "https://[fd00::1]/",
                "ftp://example.com/",
                "https://10.96.0.1/"
            })
    void givenProductionSettings_whenALocalOrPrivateTargetIsChecked_thenRefused(String url) {
        assertThat(production.problem("generic", URI.create(url))).isPresent();
    }

    @Test
    void givenProductionSettings_whenBuildiumPointsElsewhere_thenRefused() {
        assertThat(production.problem("buildium", URI.create("https://evil.example.com/")))
                .hasValueSatisfying(reason -> assertThat(reason).contains("not allowed for buildium"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "10.0.0.1",
                "172.16.5.4",
                "192.168.1.1",
                "169.254.169.254",
                "0.0.0.0",
                "100.64.0.10",
                "224.0.0.1",
                "::1",
                "fe80::1",
                "fd00::1",
                "::"
            })
    void givenNonPublicAddress_whenChecked_thenRefused(String address) throws UnknownHostException {
        assertThat(OutboundTargets.isPublic(InetAddress.getByName(address))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "52.1.2.3", "2606:4700::1111"})
    void givenPublicAddress_whenChecked_thenAllowed(String address) throws UnknownHostException {
        assertThat(OutboundTargets.isPublic(InetAddress.getByName(address))).isTrue();
    }
}
