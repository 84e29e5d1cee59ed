package com.pmsbridge.queue.apply;

/** An item whose effect cannot be produced; the item becomes FAILED with this reason and can be retried. */
public class EffectFailedException extends RuntimeException {
    public EffectFailedException(String message) {
        super(message);
    }
}
