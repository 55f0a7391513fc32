package org.vigil.model;

import java.util.List;

/**
 * The append-only, hash-chained audit log. The store appends an entry for every write and for every
 * read of NATIONAL or RESTRICTED data by a user; other modules append their own actions (logins,
 * token changes, programme edits) with {@link #record}. Only administrators may read or verify it.
 */
public interface AuditRepository {

  /** Appends an entry on behalf of ctx (its user, organisation and origin). */
  AuditEntry record(AccessContext ctx, String action, String subject, String detail);

  /**
   * Entries after {@code afterSeq}, oldest first, at most {@code limit}. System administrators see
   * every entry; organisation administrators see their own organisation's entries.
   *
   * @throws AccessDeniedException for any other role
   */
  List<AuditEntry> entries(AccessContext ctx, long afterSeq, int limit);

  /**
   * Entries about the caller's organisation's data (reads and writes of it, by anyone), oldest
   * first, at most {@code limit}: a data owner sees who read its NATIONAL and RESTRICTED data.
   * Organisation administrators, system administrators and data stewards.
   *
   * @throws AccessDeniedException for any other role
   */
  List<AuditEntry> entriesAboutOwnData(AccessContext ctx, long afterSeq, int limit);

  /**
   * Recomputes the chain from the first entry and compares it with the stored MACs, the recorded
   * head, the latest checkpoint kept outside the database (which catches truncation, wiping and
   * re-chaining) and the audited state of users, sharing agreements and batches. System
   * administrators only.
   *
   * @throws AccessDeniedException for any other role
   */
  AuditVerification verify(AccessContext ctx);
}
