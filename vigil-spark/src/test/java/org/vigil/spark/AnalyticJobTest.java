package org.vigil.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.analytics.run.SeriesOutcome;
import org.vigil.analytics.run.SeriesStage;
import org.vigil.analytics.run.SeriesTask;
import org.vigil.forecast.ForecastMethod;
import org.vigil.timeseries.Period;
import org.vigil.timeseries.TimeSeries;

/**
 * The analytic run's per-series stage as a Spark job ({@code local[2]}) against the same stage in
 * process, on a seeded fixture of three states with three districts each: every outcome (forecast,
 * trend, error and anomaly payloads) is the same text, and bad series are outcomes with an error.
 */
class AnalyticJobTest {
  private static final Period LATEST = Period.parse("2025-12");
  private static final SeriesStage STAGE = new SeriesStage(ForecastMethod.ETS, Optional.of(LATEST));

  @TempDir Path dir;

  /** The fixture: subject -> task (series as the app reads them). */
  static Map<String, SeriesTask> fixture() {
    SplittableRandom rnd = new SplittableRandom(20261207L);
    Map<String, SeriesTask> tasks = new TreeMap<>();
    long vintage = 1;
    for (String state : List.of("ARM", "KAZ", "KGZ")) {
      List<String> areas = new ArrayList<>(List.of(state));
      for (int d = 1; d <= 3; d++) {
        areas.add(state + "-D" + d);
      }
      for (String area : areas) {
        boolean isState = area.equals(state);
        // A count indicator (a risk input in the states), a rate, and a yearly indicator.
        tasks.put(
            "OFFENCES|" + area,
            new SeriesTask(
                "OFFENCES|" + area, monthly(rnd, 48, 40, true), vintage++, isState, true, true));
        tasks.put(
            "RATE|" + area,
            new SeriesTask(
                "RATE|" + area, monthly(rnd, 30, 5, false), vintage++, isState, false, true));
        double[] y = new double[8];
        for (int i = 0; i < y.length; i++) {
          y[i] = 100 + 10 * rnd.nextDouble();
        }
        tasks.put(
            "GDP|" + area,
            new SeriesTask(
                "GDP|" + area,
                TimeSeries.of(Period.parse("2018"), y),
                vintage++,
                false,
                false,
                true));
      }
    }
    // Too short to forecast (fewer than 12 months): a trend, no forecast, no error.
    tasks.put(
        "RATE|TJK",
        new SeriesTask(
            "RATE|TJK",
            TimeSeries.of(Period.parse("2025-06"), 1, 2, 3, 4, 5, 6, 7),
            vintage,
            true,
            false,
            true));
    return tasks;
  }

  private static TimeSeries monthly(SplittableRandom rnd, int n, double level, boolean counts) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      double x = level * (1 + 0.01 * i) + level * 0.2 * Math.sin(2 * Math.PI * i / 12.0);
      x += level * 0.1 * (rnd.nextDouble() - 0.5);
      v[i] = counts ? Math.round(x) : x;
    }
    if (n > 20) {
      v[n / 2] = Double.NaN; // a missing month inside the series
      v[n - 7] = v[n - 7] * (counts ? 3 : 2.5); // a planted outlier
    }
    return TimeSeries.of(LATEST.plus(1 - n), v);
  }

  @Test
  void analyticJob_fixtureOfStatesAndDistricts_outcomesEqualTheInProcessStage() throws IOException {
    Map<String, SeriesTask> tasks = fixture();
    writeInput(tasks, List.of());

    int code = run();

    assertThat(code).isZero();
    Map<String, SeriesOutcome> spark = readLines();
    assertThat(spark.keySet()).isEqualTo(tasks.keySet());
    for (SeriesTask t : tasks.values()) {
      assertThat(spark.get(t.subject())).as(t.subject()).isEqualTo(STAGE.run(t));
    }
    // The fixture exercises what the run publishes: forecasts in the states, district anomalies.
    assertThat(spark.get("OFFENCES|KAZ").forecast()).contains("\"median\"");
    assertThat(spark.get("OFFENCES|KAZ-D2").forecast()).isEmpty();
    assertThat(spark.get("RATE|TJK").forecast()).isEmpty();
    assertThat(spark.get("RATE|TJK").trend()).contains("direction");
    assertThat(spark.values().stream().filter(o -> o.anomalies().contains("\"period\"")))
        .isNotEmpty();
  }

  @Test
  void analyticJob_badSeries_areOutcomesWithTheirErrorAndTheJobSucceeds() throws IOException {
    Map<String, SeriesTask> tasks = new TreeMap<>();
    tasks.put(
        "OFFENCES|KAZ",
        new SeriesTask(
            "OFFENCES|KAZ",
            TimeSeries.of(Period.parse("2024-01"), new double[24]),
            1,
            true,
            true,
            true));
    // Mixed frequencies (a month and a year) in one series, and a task with no values at all.
    List<String> extra = List.of("OFFENCES|KAZ-D1,2024-01,3.0", "OFFENCES|KAZ-D1,2024,40.0");
    List<String> taskLines =
        List.of("OFFENCES|KAZ-D1,7,true,true,true", "OFFENCES|KAZ-D9,8,true,true,true");
    writeInput(tasks, extra, taskLines);

    int code = run();

    assertThat(code).isZero();
    Map<String, SeriesOutcome> spark = readLines();
    assertThat(spark).hasSize(3);
    assertThat(spark.get("OFFENCES|KAZ").failed()).isFalse();
    for (String bad : List.of("OFFENCES|KAZ-D1", "OFFENCES|KAZ-D9")) {
      SeriesOutcome o = spark.get(bad);
      assertThat(o.failed()).as(bad).isTrue();
      assertThat(o.error()).startsWith("{\"error\":\"");
      assertThat(o.anomalies()).contains("\"error\"");
      assertThat(o.forecast()).isEmpty();
    }
    assertThat(spark.get("OFFENCES|KAZ-D9").error()).contains("no values");
  }

  private void writeInput(Map<String, SeriesTask> tasks, List<String> extraRows)
      throws IOException {
    writeInput(tasks, extraRows, List.of());
  }

  private void writeInput(
      Map<String, SeriesTask> tasks, List<String> extraRows, List<String> extraTasks)
      throws IOException {
    List<String> input = new ArrayList<>(List.of("series_key,period,value"));
    List<String> list = new ArrayList<>(List.of("subject,vintage,forecast,sum,anomalies"));
    for (SeriesTask t : tasks.values()) {
      TimeSeries s = t.series();
      for (int i = 0; i < s.size(); i++) {
        input.add(t.subject() + "," + s.periodAt(i) + "," + s.get(i));
      }
      list.add(
          t.subject()
              + ","
              + t.vintage()
              + ","
              + t.forecast()
              + ","
              + t.sum()
              + ","
              + t.anomalies());
    }
    input.addAll(extraRows);
    list.addAll(extraTasks);
    Files.write(dir.resolve("input.csv"), input, StandardCharsets.UTF_8);
    Files.write(dir.resolve("tasks.csv"), list, StandardCharsets.UTF_8);
  }

  private int run() {
    TestSpark.session();
    PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    return AnalyticJob.run(
        new String[] {
          "--input", dir.resolve("input.csv").toString(),
          "--tasks", dir.resolve("tasks.csv").toString(),
          "--period", LATEST.toString(),
          "--method", "ETS",
          "--output", dir.resolve("outcomes.parquet").toString(),
          "--lines-output", dir.resolve("outcomes.lines").toString()
        },
        sink,
        sink);
  }

  private Map<String, SeriesOutcome> readLines() throws IOException {
    Map<String, SeriesOutcome> out = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir.resolve("outcomes.lines"))) {
      for (Path f : files.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          SeriesOutcome o = SeriesOutcome.parse(line);
          assertThat(out.put(o.subject(), o)).as("one outcome per subject").isNull();
        }
      }
    }
    return out;
  }
}
