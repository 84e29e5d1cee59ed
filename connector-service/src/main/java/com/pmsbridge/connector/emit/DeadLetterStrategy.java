package com.pmsbridge.connector.emit;

import com.pmsbridge.service.deadletter.EnvelopeDeadLetterStrategy;
import io.smallrye.common.annotation.Identifier;

import jakarta.enterprise.context.ApplicationScoped;

/** Records that connector-service's consumers (the inbox, write-back commands) threw on go to the DLQ in the one envelope. */
@ApplicationScoped
@Identifier(EnvelopeDeadLetterStrategy.NAME)
class DeadLetterStrategy extends EnvelopeDeadLetterStrategy {}
