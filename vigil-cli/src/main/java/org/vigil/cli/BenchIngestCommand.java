package org.vigil.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.vigil.bench.ingest.IngestBench;
import org.vigil.bench.ingest.IngestBenchResult;
import org.vigil.bench.ingest.IngestBenchSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigil bench ingest}: rows per second of Vigil's ingest path into H2 and PostgreSQL, side
 * by side with PostgreSQL's own COPY of the same generated long CSV. Progress goes to stderr, the
 * table to stdout in the chosen --format.
 */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description =
        "Time the ingest of a generated long CSV into H2 and embedded PostgreSQL, side by side"
            + " with PostgreSQL's COPY of the same file.")
public final class BenchIngestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--rows",
      defaultValue = "1000000",
      description = "Data rows in the generated file (default: ${DEFAULT-VALUE}).")
  long rows;

  @Option(
      names = "--work-dir",
      paramLabel = "DIR",
      description = "Where the CSV and the databases go (default: a temporary directory, removed).")
  Path workDir;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the generated values.")
  long seed;

  @Option(
      names = "--no-reingest",
      description = "Skip timing a second ingest of the same file (which must add nothing).")
  boolean noReingest;

  @Override
  public Integer call() throws IOException {
    VigilCommand root = VigilCommand.of(spec);
    Renderer renderer = root.renderer();
    boolean temporary = workDir == null;
    Path dir = temporary ? Files.createTempDirectory("vigil-ingest-bench") : workDir;
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    renderer.note(
        String.format(
            Locale.ROOT,
            "ingest bench: %,d rows in %s (%d processors, load average %.1f)",
            rows,
            dir,
            Runtime.getRuntime().availableProcessors(),
            load));
    IngestBenchResult result;
    try {
      result = new IngestBench(new IngestBenchSpec(rows, dir, seed, !noReingest), root.err()).run();
    } finally {
      if (temporary) {
        deleteQuietly(dir);
      }
    }
    double copy = result.rate("PostgreSQL COPY, observation-shaped table");
    Table table =
        Table.of(
            "target",
            "rows stored",
            "read+validate s",
            "total s",
            "rows/s",
            "vs COPY",
            "store-only rows/s");
    for (IngestBenchResult.Line l : result.lines()) {
      double rate = l.rowsPerSecond(result.rows());
      table.row(
          l.target(),
          l.rowsStored(),
          String.format(Locale.ROOT, "%.2f", l.parseSeconds()),
          String.format(Locale.ROOT, "%.2f", l.totalSeconds()),
          Math.round(rate),
          String.format(Locale.ROOT, "%.0f%%", 100 * rate / copy),
          Math.round(result.rows() / (l.totalSeconds() - l.parseSeconds())));
    }
    renderer.print(table);
    return VigilCommand.OK;
  }

  private static void deleteQuietly(Path dir) {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a leftover temporary directory is harmless
    }
  }
}
