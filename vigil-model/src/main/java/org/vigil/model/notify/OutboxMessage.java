package org.vigil.model.notify;

import java.time.Instant;
import java.util.Optional;

/**
 * A message to send, kept until it is sent or given up. The delivery key is unique: the same alert
 * for the same subscription is enqueued once, and the e-mail Message-ID and webhook id are derived
 * from it so a receiver can deduplicate.
 *
 * @param id store id
 * @param deliveryKey e.g. {@code alert:42:sub:7} or {@code digest:2026-12-06:sub:7}
 * @param channel EMAIL, WEBHOOK or DIGEST
 * @param target address
 * @param username the subscriber
 * @param subject subject line (e-mail)
 * @param body text (e-mail) or JSON (webhook)
 * @param status PENDING, SENDING (claimed under a lease until {@code nextAt}; when the lease runs
 *     out another worker claims it again), SENT or FAILED (given up)
 * @param attempts attempts made
 * @param nextAt earliest time of the next attempt
 * @param claimedBy worker that claimed it last ("" before)
 * @param createdAt when enqueued
 * @param doneAt when sent or given up
 */
public record OutboxMessage(
    long id,
    String deliveryKey,
    Channel channel,
    String target,
    String username,
    String subject,
    String body,
    String status,
    int attempts,
    Instant nextAt,
    String claimedBy,
    Instant createdAt,
    Optional<Instant> doneAt) {}
