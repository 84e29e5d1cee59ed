package com.pmsbridge.contract;

import java.util.ArrayList;
import java.util.List;

/** Kafka topic names of the contract. Documented for downstream teams in docs/events.md. */
public final class Topics {
    /** Lifecycle transitions derived by sync-service; the queue's input. */
    public static final String DOMAIN_EVENTS = "pms.domain-events.v1";
    /** Queue action lifecycle (applied effects) for downstream tools. */
    public static final String QUEUE_ACTIONS = "pms.queue.actions.v1";
    /** Downstream tools' reports on queue actions ({@code QueueActionResult}); shown on the queue item. */
    public static final String QUEUE_ACTION_RESULTS = "pms.queue.action-results.v1";
    /** Requests to write a change back into a PMS. */
    public static final String WRITEBACK_COMMANDS = "pms.writeback.commands.v1";
    /** Outcome of each write-back command. */
    public static final String WRITEBACK_RESULTS = "pms.writeback.results.v1";
    /**
     * Internal to connector-service: thin webhooks acknowledged to the PMS and not yet read in full. Not for
     * downstream consumers.
     */
    public static final String CONNECTOR_INBOX = "pms.connector.inbox.v1";
    /** Completed connector Syncs ({@code SyncRunCompleted}); sync-service reconciles state against each. */
    public static final String SYNC_RUNS = "pms.connector.sync-runs.v1";
    /** Inputs that could not be processed, with the reason. */
    public static final String DLQ = "pms.dlq.v1";

    private Topics() {}

    /** Canonical change events from connectors for one entity type. */
    public static String changes(EntityType type) {
        return "pms." + type.wireName() + ".changes.v1";
    }

    /** Compacted current state for one entity type (key = entity key, tombstone on delete). */
    public static String state(EntityType type) {
        return "pms." + type.wireName() + ".state.v1";
    }

    /** Every topic of the contract, for scripts and tests that pre-create them. */
    public static List<String> all() {
        List<String> topics = new ArrayList<>();
        for (EntityType type : EntityType.values()) {
            topics.add(changes(type));
            topics.add(state(type));
        }
        topics.addAll(List.of(
                DOMAIN_EVENTS,
                QUEUE_ACTIONS,
                QUEUE_ACTION_RESULTS,
                WRITEBACK_COMMANDS,
                WRITEBACK_RESULTS,
                CONNECTOR_INBOX,
                SYNC_RUNS,
                DLQ));
        return topics;
    }

    public static boolean isCompacted(String topic) {
        return topic.endsWith(".state.v1");
    }

    /** Prints "topic cleanup-policy" per line; deploy/local/lib.sh creates the topics from it. */
    public static void main(String[] args) {
        all().forEach(topic -> System.out.println(topic + " " + (isCompacted(topic) ? "compact" : "delete")));
    }
}
