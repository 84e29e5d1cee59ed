package com.pmsbridge.connector.emit;

import com.pmsbridge.connector.adapter.MappingException;
import com.pmsbridge.connector.adapter.PmsPage;
import com.pmsbridge.connector.connection.Connection;
import com.pmsbridge.contract.Ids;
import com.pmsbridge.contract.event.ChangeEvent;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes one page of a listing: changed records as change events (acknowledged by Kafka before the method
 * returns), unmappable ones to the DLQ, so one bad record never stops a page.
 */
@ApplicationScoped
public class PageEmitter {
    private final ChangeEventPublisher publisher;
    private final DeadLetterPublisher deadLetters;
    private final ChangeDetector detector;

    PageEmitter(ChangeEventPublisher publisher, DeadLetterPublisher deadLetters, ChangeDetector detector) {
        this.publisher = publisher;
        this.deadLetters = deadLetters;
        this.detector = detector;
    }

    /**
     * @param onlyChanged skip records whose data equals what was last emitted (polling); a Sync emits all
     * @param idSeed      makes event ids deterministic for this page, so a resumed run re-emits the same ids
     * @return how many change events were published
     */
    public int emit(Connection connection, PmsPage page, boolean onlyChanged, String idSeed) {
        List<ChangeEvent> toSend = new ArrayList<>();
        for (ChangeEvent change : onlyChanged ? detector.changed(page.changes()) : page.changes()) {
            String id = Ids.derived(idSeed, change.key().value(), change.sourceVersion())
                    .toString();
            toSend.add(change.withEventId(id));
        }
        publisher.publishAllAndAwait(toSend, Duration.ofSeconds(60));
        detector.remember(toSend);
        for (MappingException reject : page.rejects()) {
            deadLetters.publish(
                    "mapping", reject.getMessage(), connection.org, connection.id, connection.id, reject.rawPayload());
        }
        return toSend.size();
    }
}
