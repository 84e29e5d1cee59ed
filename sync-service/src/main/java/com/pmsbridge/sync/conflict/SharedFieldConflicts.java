package com.pmsbridge.sync.conflict;

import com.pmsbridge.contract.Ids;
import com.pmsbridge.contract.event.ChangeEvent;
import com.pmsbridge.contract.event.WritebackCommand;
import com.pmsbridge.sync.projection.EntityState;
import com.pmsbridge.sync.projection.Evolve;
import com.pmsbridge.sync.projection.Source;
import com.pmsbridge.sync.writeback.SharedFieldWriteback;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** What the conflicts of one evolve step leave behind: each conflict recorded, the hub values that won sent back. */
@ApplicationScoped
public class SharedFieldConflicts {
    private final ConflictRecorder recorder;

    SharedFieldConflicts(ConflictRecorder recorder) {
        this.recorder = recorder;
    }

    /** Records the step's conflicts; the write-back command for the hub values that won them, if any did. */
    public Optional<WritebackCommand> settle(EntityState state, ChangeEvent event, Evolve.Outcome outcome) {
        for (Evolve.SharedConflict conflict : outcome.conflicts()) {
            recorder.record(
                    state,
                    conflict.field(),
                    conflict.hubValue(),
                    conflict.hubVersion(),
                    conflict.pmsValue(),
                    conflict.pmsVersion(),
                    conflict.rule().wireName(),
                    conflict.pmsWon() ? Source.PMS : Source.HUB,
                    "both sides changed a shared field",
                    event.eventId());
        }
        if (outcome.writeBack().isEmpty()) {
            return Optional.empty();
        }
        return SharedFieldWriteback.command(
                state.org,
                state.connectionId,
                state.entityType,
                state.entityKey,
                state.externalId,
                outcome.writeBack(),
                Ids.derived("writeback", event.eventId()).toString(),
                "conflict rule " + outcome.conflicts().getFirst().rule().wireName(),
                event.receivedAt());
    }
}
