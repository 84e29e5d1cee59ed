package com.pmsbridge.connector.syncrun;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;

import jakarta.inject.Singleton;

/** Skips looking for abandoned Sync runs when {@code connector.sync.resume-abandoned=false} (tests run them). */
@Singleton
public class ResumeDisabled implements Scheduled.SkipPredicate {
    private final SyncRunConfig config;

    ResumeDisabled(SyncRunConfig config) {
        this.config = config;
    }

    @Override
    public boolean test(ScheduledExecution execution) {
        return !config.resumeAbandoned();
    }
}
