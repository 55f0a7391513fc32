package org.vigil.ingest;

/**
 * A row that was read and deliberately not loaded, which is not an error (for example an OWID
 * region aggregate such as "World").
 *
 * @param line 1-based line of the row
 * @param what what was skipped (an entity name, a code)
 * @param reason why, in words
 */
public record SkippedRow(int line, String what, String reason) {
  public SkippedRow {
    what = what == null ? "" : what;
    reason = reason == null ? "" : reason;
  }
}
