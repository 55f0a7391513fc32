package org.vigil.app.analytics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.vigil.analytics.run.SeriesOutcome;
import org.vigil.analytics.run.SeriesTask;
import org.vigil.timeseries.TimeSeries;

/**
 * How a run's per-series tasks leave the app and their outcomes come back when another engine (the
 * Spark job {@code org.vigil.spark.AnalyticJob}) computes them: the series in long form ({@code
 * series_key,period,value}, every period of the span, a missing value as {@code NaN}, so the job
 * rebuilds the very series), the task list ({@code subject,vintage,forecast,sum,anomalies}) and,
 * back, a directory of text files with one {@link SeriesOutcome#line()} per series.
 */
public final class StageFiles {
  /** The long-form file of the series. */
  public static final String INPUT = "input.csv";

  /** The task list. */
  public static final String TASKS = "tasks.csv";

  private StageFiles() {}

  /** Writes the tasks' series and the task list into {@code dir} (created if needed). */
  public static void write(List<SeriesTask> tasks, Path dir) {
    try {
      Files.createDirectories(dir);
      try (Writer in = Files.newBufferedWriter(dir.resolve(INPUT), StandardCharsets.UTF_8);
          Writer list = Files.newBufferedWriter(dir.resolve(TASKS), StandardCharsets.UTF_8)) {
        in.write("series_key,period,value\n");
        list.write("subject,vintage,forecast,sum,anomalies\n");
        for (SeriesTask t : tasks) {
          String key = quoted(t.subject());
          TimeSeries s = t.series();
          for (int i = 0; i < s.size(); i++) {
            // Double.toString reads back to the same double: the job sees the very values.
            in.write(key + "," + s.periodAt(i) + "," + s.get(i) + "\n");
          }
          list.write(
              key
                  + ","
                  + t.vintage()
                  + ","
                  + t.forecast()
                  + ","
                  + t.sum()
                  + ","
                  + t.anomalies()
                  + "\n");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          dir + ": cannot write the run's series for the engine: " + e.getMessage(), e);
    }
  }

  private static String quoted(String s) {
    return s.indexOf(',') < 0 && s.indexOf('"') < 0 ? s : "\"" + s.replace("\"", "\"\"") + "\"";
  }

  /** Reads every outcome line of the part files in {@code dir} (Spark's text output). */
  public static List<SeriesOutcome> read(Path dir) {
    List<SeriesOutcome> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString();
        if (name.startsWith(".") || name.startsWith("_") || !Files.isRegularFile(f)) {
          continue;
        }
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          if (!line.isEmpty()) {
            out.add(SeriesOutcome.parse(line));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          dir
              + ": cannot read the engine's outcomes (expected a directory of text files): "
              + e.getMessage(),
          e);
    }
    return out;
  }
}
