package org.vigil.bench.ingest;

import java.util.List;
import java.util.Locale;

/**
 * The measured rates, one line per target.
 *
 * @param rows rows in the file
 * @param fileBytes size of the file
 * @param lines one per measured target, in run order
 */
public record IngestBenchResult(long rows, long fileBytes, List<Line> lines) {

  /**
   * One measurement.
   *
   * @param target what was measured
   * @param rowsStored rows the target added
   * @param parseSeconds time spent reading and validating (0 for COPY, which does both inside)
   * @param totalSeconds wall time from opening the file to commit
   */
  public record Line(String target, long rowsStored, double parseSeconds, double totalSeconds) {
    public double rowsPerSecond(long rows) {
      return rows / totalSeconds;
    }
  }

  public IngestBenchResult {
    lines = List.copyOf(lines);
  }

  /** The rate of the named line, or NaN when it was not measured. */
  public double rate(String target) {
    return lines.stream()
        .filter(l -> l.target().equals(target))
        .mapToDouble(l -> l.rowsPerSecond(rows))
        .findFirst()
        .orElse(Double.NaN);
  }

  /** A plain-text table; the last column compares with COPY into the equivalent table. */
  public String table() {
    double copy = rate(IngestBench.COPY_EQUIVALENT);
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "ingest of %,d rows (%,.1f MB long CSV)%n%-44s %10s %9s %9s %12s %9s %12s%n",
            rows,
            fileBytes / 1e6,
            "target",
            "stored",
            "parse s",
            "total s",
            "rows/s",
            "vs COPY",
            "store rows/s"));
    for (Line l : lines) {
      b.append(
          String.format(
              Locale.ROOT,
              "%-44s %,10d %9.2f %9.2f %,12.0f %8.0f%% %,12.0f%n",
              l.target(),
              l.rowsStored(),
              l.parseSeconds(),
              l.totalSeconds(),
              l.rowsPerSecond(rows),
              100 * l.rowsPerSecond(rows) / copy,
              rows / (l.totalSeconds() - l.parseSeconds())));
    }
    return b.toString();
  }
}
