package com.pmsbridge.gateway.edge;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuditTextTest {

    @Test
    void givenValueWithLineBreakAndFieldSyntax_whenEscaped_thenStaysOneField() {
        String forged = "/api/v1/x\r\nsubject=admin org=acme";

        String escaped = AuditText.escape(forged);

        assertThat(escaped).doesNotContain("\r", "\n", " ", "=");
        assertThat(escaped).isEqualTo("/api/v1/x\\u000d\\u000asubject\\u003dadmin\\u0020org\\u003dacme");
    }
}
