package com.pmsbridge.contract;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CloudEventHeadersTest {
    private static final Instant TIME = Instant.parse("2026-11-23T08:00:00.123Z");

    @Test
    void givenAttributes_whenHeadersBuilt_thenTheBinaryModeHeadersInOrder() {
        Headers fromText = CloudEventHeaders.of(
                "id-1", "/sync-service", "com.pmsbridge.lease.state.v1", "lease:c:L-1", TIME, "acme");

        Headers fromBytes = CloudEventHeaders.ofEncoded(
                bytes("id-1"),
                bytes("/sync-service"),
                bytes("com.pmsbridge.lease.state.v1"),
                bytes("lease:c:L-1"),
                bytes(TIME.toString()),
                bytes("acme"));

        List<String> expected = List.of(
                "ce_specversion=1.0",
                "ce_id=id-1",
                "ce_source=/sync-service",
                "ce_type=com.pmsbridge.lease.state.v1",
                "ce_subject=lease:c:L-1",
                "ce_time=2026-11-23T08:00:00.123Z",
                "ce_org=acme",
                "content-type=application/json");
        assertThat(render(fromText)).isEqualTo(expected);
        assertThat(render(fromBytes)).isEqualTo(expected);
    }

    @Test
    void givenNoSubject_whenHeadersBuilt_thenTheHeaderIsLeftOut() {
        Headers headers =
                CloudEventHeaders.ofEncoded(bytes("id-1"), bytes("/s"), bytes("t"), null, bytes("x"), bytes("acme"));

        assertThat(CloudEventHeaders.get(headers, CloudEventHeaders.SUBJECT)).isNull();
        assertThat(CloudEventHeaders.get(headers, CloudEventHeaders.ORG)).isEqualTo("acme");
        assertThat(CloudEventHeaders.get(headers, CloudEventHeaders.SPEC_VERSION))
                .isEqualTo("1.0");
    }

    private static List<String> render(Headers headers) {
        return Arrays.stream(headers.toArray())
                .map(CloudEventHeadersTest::render)
                .toList();
    }

    private static String render(Header header) {
        return header.key() + "=" + new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
