package com.pmsbridge.service.logging;

import org.jboss.logging.MDC;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogContextTest {
    @Test
    void givenWorkForAConnection_whenItLogs_thenItsLinesNameTheOrganisationAndConnectionAndLaterOnesDoNot() {
        try (LogContext context = LogContext.of("acme", "c-1")) {
            assertThat(MDC.get("org")).isEqualTo("acme");
            assertThat(MDC.get("connection")).isEqualTo("c-1");
        }

        assertThat(MDC.get("org")).isNull();
        assertThat(MDC.get("connection")).isNull();
    }

    @Test
    void givenTheOrganisationNotKnownYet_whenOpened_thenOnlyTheConnectionIsSet() {
        try (LogContext context = LogContext.of(null, "c-2")) {
            assertThat(MDC.get("org")).isNull();
            assertThat(MDC.get("connection")).isEqualTo("c-2");
        }
    }
}
