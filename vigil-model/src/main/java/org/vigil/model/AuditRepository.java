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
   * Recomputes the chain from the first entry and compares it with the stored hashes and with the
   * recorded head (which catches a removed last entry). System administrators only.
   *
   * @throws AccessDeniedException for any other role
   */
  AuditVerification verify(AccessContext ctx);
}
