package com.pmsbridge.connector.polling;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;

import jakarta.inject.Singleton;

/** Skips scheduled polls when {@code connector.polling.enabled=false} (tests drive polls themselves). */
@Singleton
public class PollingDisabled implements Scheduled.SkipPredicate {
    private final PollingConfig config;

    PollingDisabled(PollingConfig config) {
        this.config = config;
    }

    @Override
    public boolean test(ScheduledExecution execution) {
        return !config.enabled();
    }
}
