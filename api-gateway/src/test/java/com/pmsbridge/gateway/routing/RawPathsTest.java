package com.pmsbridge.gateway.routing;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RawPathsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/v1/queue/..%2F..%2Fq%2Fmetrics",
                "/api/v1/queue/%2e%2e/%2e%2e/q/metrics",
                "/api/v1/queue/../../q/metrics",
                "/webhooks/..%2Fapi%2Fv1%2Fconnections",
                "/webhooks/demo%5C..",
                "/webhooks/demo\\x",
                "/api/v1/queue/./items",
                "/api/v1/queue/%2E/items",
                "/api/v1/queue/items%00",
                "/api/v1/queue/%zz"
            })
    void givenPathThatChangesShapeWhenDecoded_whenChecked_thenRefused(String rawPath) {
        assertThat(RawPaths.problem(rawPath)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/v1/queue/items",
                "/api/v1/entities/lease:demo:L-1",
                "/api/v1/queue/items?q=a..b",
                "/webhooks/demo-generic",
                "/api/v1/entities/lease%3Ademo%3AL-1%20x",
                "/api/v1/queue/items/a..b"
            })
    void givenOrdinaryPath_whenChecked_thenForwarded(String rawPath) {
        assertThat(RawPaths.problem(rawPath)).isEmpty();
    }
}
