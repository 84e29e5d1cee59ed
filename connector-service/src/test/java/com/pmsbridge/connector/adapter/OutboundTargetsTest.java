package com.pmsbridge.connector.adapter;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.UnknownHostException;

import static org.assertj.core.api.Assertions.assertThat;

class OutboundTargetsTest {

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
