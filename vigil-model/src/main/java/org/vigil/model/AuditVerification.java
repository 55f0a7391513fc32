package org.vigil.model;

/**
 * The outcome of checking the audit chain.
 *
 * @param valid true when every entry's hash matches and the chain is unbroken up to the head
 * @param entriesChecked number of entries read
 * @param firstBadSeq sequence number of the first entry that fails, 0 when valid
 * @param problem what failed and where, empty when valid
 */
public record AuditVerification(
    boolean valid, long entriesChecked, long firstBadSeq, String problem) {
  public AuditVerification {
    problem = problem == null ? "" : problem;
    if (valid != problem.isEmpty()) {
      throw new IllegalArgumentException(
          "AuditVerification is valid exactly when it names no problem, found valid="
              + valid
              + " problem='"
              + problem
              + "'");
    }
  }

  public static AuditVerification ok(long entriesChecked) {
    return new AuditVerification(true, entriesChecked, 0, "");
  }

  public static AuditVerification broken(long entriesChecked, long seq, String problem) {
    return new AuditVerification(false, entriesChecked, seq, problem);
  }
}
