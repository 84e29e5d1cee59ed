package com.pmsbridge.queue.downstream;

import com.pmsbridge.contract.ContractJson;
import com.pmsbridge.contract.event.QueueActionResult;
import com.pmsbridge.queue.item.QueueItem;
import com.pmsbridge.service.failure.UntilAvailable;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.annotations.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.util.UUID;

/**
 * Downstream tools' reports on queue actions ({@code pms.queue.action-results.v1}): the latest one is kept on its
 * item. A report for an unknown item or another organisation's item changes nothing (counted); an unreadable one goes
 * to the DLQ; an outage is waited out with the offset kept.
 */
@ApplicationScoped
public class ActionResultConsumer {
    private static final int MAX_DETAIL = 1000;
    private final MeterRegistry metrics;
    private final Counter outageRetries;

    ActionResultConsumer(MeterRegistry metrics) {
        this.metrics = metrics;
        this.outageRetries = metrics.counter("pms_queue_intake_retries_total", "cause", "transient");
    }

    @Incoming("action-results")
    @Blocking(ordered = true)
    public void consume(ConsumerRecord<String, String> record) throws IOException {
        QueueActionResult result = ContractJson.mapper().readValue(record.value(), QueueActionResult.class);
        if (result.eventId() == null
                || result.itemId() == null
                || result.org() == null
                || result.outcome() == null
                || result.reportedAt() == null) {
            throw new IllegalArgumentException("action result without eventId, itemId, org, outcome or reportedAt");
        }
        UUID itemId = UUID.fromString(result.itemId());
        UntilAvailable.run("action result " + result.eventId(), outageRetries, () -> keep(itemId, result));
    }

    private void keep(UUID itemId, QueueActionResult result) {
        String outcome = QuarkusTransaction.requiringNew().call(() -> {
            QueueItem item = QueueItem.findById(itemId);
            if (item == null || !item.org.equals(result.org())) {
                return "ignored"; // never tells the reporter whether another organisation's item exists
            }
            if (item.downstreamReportedAt != null && !result.reportedAt().isAfter(item.downstreamReportedAt)) {
                return "stale"; // a redelivered or older report
            }
            item.downstreamOutcome = result.outcome().name();
            item.downstreamDetail = result.detail() == null
                    ? null
                    : result.detail()
                            .substring(0, Math.min(MAX_DETAIL, result.detail().length()));
            item.downstreamReportedBy = result.reportedBy() == null
                    ? null
                    : result.reportedBy()
                            .substring(0, Math.min(200, result.reportedBy().length()));
            item.downstreamReportedAt = result.reportedAt();
            return "kept";
        });
        metrics.counter("pms_queue_action_results_total", "outcome", outcome).increment();
    }
}
