package org.vigil.cli;

/** How commands print results: {@code --format table|json|csv}. */
public enum OutputFormat {
  /** Aligned columns for people. */
  TABLE,
  /** A JSON array of objects keyed by column name (numbers stay numbers, missing is null). */
  JSON,
  /** RFC 4180 CSV with a header row. */
  CSV
}
