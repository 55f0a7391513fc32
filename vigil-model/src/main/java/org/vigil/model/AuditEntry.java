package org.vigil.model;

import java.time.Instant;

/**
 * One entry of the append-only audit log. Each entry's hash covers its own fields and the previous
 * entry's hash, so a changed, removed or reordered entry breaks the chain.
 *
 * @param seq position in the log, 1 for the first entry, without gaps
 * @param at when it happened (microsecond precision)
 * @param user who acted
 * @param organisation on whose behalf
 * @param action what was done, a dotted verb such as {@code observation.append}
 * @param subject what it was done to (e.g. {@code batch 17}, {@code TERROR_INCIDENTS/KAZ})
 * @param origin where the call came from (client address, "cli", "local")
 * @param detail free text (counts, classifications), may be empty
 * @param previousHash hex SHA-256 of the previous entry (64 zeros for the first)
 * @param hash hex SHA-256 of this entry
 */
public record AuditEntry(
    long seq,
    Instant at,
    String user,
    String organisation,
    String action,
    String subject,
    String origin,
    String detail,
    String previousHash,
    String hash) {
  public AuditEntry {
    if (seq < 1 || at == null || user == null || organisation == null || action == null) {
      throw new IllegalArgumentException(
          "AuditEntry needs seq >= 1, time, user, organisation and action; found seq " + seq);
    }
    subject = subject == null ? "" : subject;
    origin = origin == null ? "" : origin;
    detail = detail == null ? "" : detail;
    previousHash = previousHash == null ? "" : previousHash;
    hash = hash == null ? "" : hash;
  }
}
