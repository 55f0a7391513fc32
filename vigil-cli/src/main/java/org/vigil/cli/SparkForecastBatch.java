package org.vigil.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vigil.app.Vigil;
import org.vigil.app.forecast.ForecastService;
import org.vigil.model.AccessContext;
import org.vigil.model.NotFoundException;
import org.vigil.timeseries.TimeSeries;

/**
 * {@code vigil forecast --engine spark}: hands the series of one indicator in several areas to the
 * Spark job. The series are read here, with the caller's rights (the job sees only what the caller
 * may read), written in long form to the work directory, forecast by {@code
 * org.vigil.spark.ForecastJob} (Parquet in the work directory, and a CSV the CLI prints).
 */
final class SparkForecastBatch {
  private final VigilCommand root;
  private final Path workDir;

  SparkForecastBatch(VigilCommand root, Path workDir) {
    this.root = root;
    this.workDir = workDir;
  }

  int run(
      Vigil vigil,
      AccessContext caller,
      String indicator,
      List<String> areas,
      String master,
      List<String> specArgs) {
    ForecastService service = ForecastService.create(vigil);
    Path input = workDir.resolve("input.csv");
    List<String> covered = new ArrayList<>();
    boolean counts = true;
    List<String> unreadable = new ArrayList<>();
    try {
      Files.createDirectories(workDir);
      try (Writer w = Files.newBufferedWriter(input, StandardCharsets.UTF_8)) {
        w.write("series_key,period,value\n");
        for (String area : areas) {
          try {
            TimeSeries s = service.series(caller, indicator, area);
            counts &= ForecastService.isCounts(s);
            for (int i = 0; i < s.size(); i++) {
              if (!Double.isNaN(s.get(i))) {
                w.write(area + "," + s.periodAt(i) + "," + s.get(i) + "\n");
              }
            }
            covered.add(area);
          } catch (NotFoundException e) {
            unreadable.add(area);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(workDir + ": cannot write the batch: " + e.getMessage(), e);
    }
    if (covered.isEmpty()) {
      throw new NotFoundException(
          "No readable values of indicator '"
              + indicator
              + "' in "
              + areas
              + ": check the codes (`./vigil series`) or ask the owning state for access");
    }
    Path csv = workDir.resolve("forecasts.csv");
    List<String> args = new ArrayList<>();
    args.addAll(
        List.of(
            "--input",
            input.toString(),
            "--output",
            workDir.resolve("forecasts.parquet").toString(),
            "--csv-output",
            csv.toString()));
    args.addAll(specArgs);
    if (counts) {
      // Count series: whole-number intervals, never below zero, as the in-process command gives.
      args.add("--counts");
    }
    int code =
        new SparkProcess(SparkProcess.home(), root.out(), root.err())
            .run(SparkProcess.FORECAST_JOB, master, args);
    if (code != 0) {
      return code;
    }
    root.renderer()
        .note(
            indicator
                + ": "
                + covered.size()
                + " of "
                + areas.size()
                + " area(s) forecast by Spark ("
                + master
                + ") from the values you may read"
                + (unreadable.isEmpty() ? "" : "; no readable values for " + unreadable)
                + "; Parquet and CSV in "
                + workDir);
    root.renderer().print(table(csv));
    return VigilCommand.OK;
  }

  private static Table table(Path csv) {
    Table t =
        Table.of(
            "area",
            "period",
            "forecast",
            "lower_80",
            "upper_80",
            "lower_95",
            "upper_95",
            "model",
            "error");
    try {
      List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
      for (String line : lines.subList(1, lines.size())) {
        List<String> f = fields(line);
        t.row(
            f.get(0), f.get(2), f.get(3), f.get(4), f.get(5), f.get(6), f.get(7), f.get(8),
            f.get(10));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(csv + ": cannot read the forecasts: " + e.getMessage(), e);
    }
    return t;
  }

  /** Splits one line of the job's CSV (double quotes protect commas; "" is a quote). */
  static List<String> fields(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
        cur.append('"');
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }
}
