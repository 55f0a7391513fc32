package org.vigil.bench.ingest;

import java.nio.file.Path;

/**
 * One run of the ingest benchmark.
 *
 * @param rows data rows in the generated long CSV
 * @param workDir where the CSV, the H2 database and PostgreSQL's data go (created if missing)
 * @param seed seed of the generated values
 * @param reingest also time a second ingest of the same file (which must add nothing)
 */
public record IngestBenchSpec(long rows, Path workDir, long seed, boolean reingest) {
  public IngestBenchSpec {
    if (rows < 1 || rows > 50_000_000) {
      throw new IllegalArgumentException("rows must be 1..50,000,000, found " + rows);
    }
    if (workDir == null) {
      throw new IllegalArgumentException("IngestBenchSpec needs a work directory");
    }
  }
}
