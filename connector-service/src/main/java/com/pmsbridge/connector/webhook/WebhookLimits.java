package com.pmsbridge.connector.webhook;

import com.pmsbridge.connector.adapter.EntityReference;
import com.pmsbridge.connector.adapter.ParsedWebhook;
import com.pmsbridge.connector.adapter.WebhookRejectedException;
import com.pmsbridge.contract.event.ChangeEvent;
import com.pmsbridge.contract.event.ChangeLimits;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Refuses, with a 400 that names the limit, a webhook whose changes would break a bound downstream: ids and fields
 * beyond {@link ChangeLimits}, or a version further in the future than the configured clock skew (a version from
 * the future would win every later conflict).
 */
@ApplicationScoped
public class WebhookLimits {
    /** Limits on what one webhook may carry. */
    @ConfigMapping(prefix = "connector.webhook-limits")
    public interface Config {
        /** How far ahead of our clock a PMS's update time may be (its clock may run a little fast). */
        @WithDefault("PT5M")
        Duration maxFutureSkew();
    }

    private final Duration maxFutureSkew;

    WebhookLimits(Config config) {
        this.maxFutureSkew = config.maxFutureSkew();
    }

    void check(ParsedWebhook parsed, Instant receivedAt) {
        refuse(ChangeLimits.idViolation("event id", parsed.pmsEventId()));
        Instant latest = receivedAt.plus(maxFutureSkew);
        for (ChangeEvent change : parsed.changes()) {
            refuse(ChangeLimits.violation(change));
            refuseFuture(change.occurredAt(), latest);
        }
        for (EntityReference reference : parsed.references()) {
            refuse(ChangeLimits.idViolation("entity id", reference.externalId()));
            refuse(ChangeLimits.idViolation("event id", reference.pmsEventId()));
            refuseFuture(reference.occurredAt(), latest);
        }
    }

    private void refuseFuture(Instant version, Instant latest) {
        if (version != null && version.isAfter(latest)) {
            throw WebhookRejectedException.badRequest(
                    "version_in_future",
                    "the update time is more than " + maxFutureSkew.toSeconds() + " s ahead of the receiver's clock");
        }
    }

    private static void refuse(Optional<String> violation) {
        violation.ifPresent(reason -> {
            throw WebhookRejectedException.badRequest(reason.substring(0, reason.indexOf(':')), reason);
        });
    }
}
