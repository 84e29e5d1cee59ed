package com.pmsbridge.sync.deadletter;

import com.pmsbridge.service.deadletter.EnvelopeDeadLetterStrategy;
import io.smallrye.common.annotation.Identifier;

import jakarta.enterprise.context.ApplicationScoped;

/** Records that sync-service's consumers (changes, write-back results, Sync runs) threw on go to the DLQ in the one envelope. */
@ApplicationScoped
@Identifier(EnvelopeDeadLetterStrategy.NAME)
class DeadLetterStrategy extends EnvelopeDeadLetterStrategy {}
