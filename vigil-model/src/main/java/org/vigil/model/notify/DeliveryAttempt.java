package org.vigil.model.notify;

import java.time.Instant;

/**
 * One attempt to deliver an outbox message.
 *
 * @param outboxId the message
 * @param attempt 1, 2, ...
 * @param worker which worker
 * @param startedAt when the attempt was claimed
 * @param outcome SENDING (in progress or interrupted), SENT, RETRY or FAILED
 * @param detail the error, or the receiver's answer
 */
public record DeliveryAttempt(
    long outboxId, int attempt, String worker, Instant startedAt, String outcome, String detail) {}
