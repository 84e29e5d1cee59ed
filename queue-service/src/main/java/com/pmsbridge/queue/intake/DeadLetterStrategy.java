package com.pmsbridge.queue.intake;

import com.pmsbridge.service.deadletter.EnvelopeDeadLetterStrategy;
import io.smallrye.common.annotation.Identifier;

import jakarta.enterprise.context.ApplicationScoped;

/** Records that queue-service's intake of domain events threw on go to the DLQ in the one envelope. */
@ApplicationScoped
@Identifier(EnvelopeDeadLetterStrategy.NAME)
class DeadLetterStrategy extends EnvelopeDeadLetterStrategy {}
