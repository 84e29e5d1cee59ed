package com.pmsbridge.connector.webhook;

import com.pmsbridge.connector.adapter.WebhookRejectedException;
import com.pmsbridge.service.http.Problems;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import jakarta.ws.rs.core.Response;

/** Webhook refusals as problem documents naming what is wrong; every other error is mapped by service-support. */
public class WebhookProblemMapper {
    @ServerExceptionMapper
    public Response rejected(WebhookRejectedException e) {
        if (e.retryAfterSeconds() != null) {
            return Problems.builder(e.status(), e.reasonCode(), e.getMessage())
                    .header("Retry-After", e.retryAfterSeconds().toString())
                    .build();
        }
        return Problems.of(e.status(), e.reasonCode(), e.getMessage());
    }
}
