package org.vigil.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.vigil.forecast.Forecast;
import org.vigil.forecast.ForecastSpec;
import org.vigil.forecast.Forecaster;
import org.vigil.forecast.eval.Backtest;
import org.vigil.forecast.eval.BacktestResult;
import org.vigil.timeseries.Period;
import org.vigil.timeseries.TimeSeries;

class SparkForecastTest {

  private static Map<String, SeriesResult> run(List<Row> rows, BatchSpec spec) {
    List<Row> shuffled = new ArrayList<>(rows);
    Collections.shuffle(shuffled, new Random(7));
    Map<String, SeriesResult> out = new HashMap<>();
    for (Row r : SparkForecast.forecast(TestSpark.longForm(shuffled), spec).collectAsList()) {
      SeriesResult s = SparkForecast.toResult(r);
      assertThat(out.put(s.key(), s)).as("one row per series: %s", s.key()).isNull();
    }
    return out;
  }

  @Test
  void forecast_sameSeriesAndSpec_equalsTheInProcessEngineExactly() {
    SyntheticSeries data = new SyntheticSeries(11, 60);
    Map<String, TimeSeries> series = new HashMap<>();
    List<Row> rows = new ArrayList<>();
    for (long id = 0; id < 24; id++) {
      TimeSeries s = data.series(id).head(30 + (int) id);
      series.put("S" + id, s);
      rows.addAll(TestSpark.rows("S" + id, s));
    }
    TimeSeries quarterly = TimeSeries.of(Period.quarter(2010, 1), quarterlyValues());
    series.put("Q", quarterly);
    rows.addAll(TestSpark.rows("Q", quarterly));
    BatchSpec spec = BatchSpec.DEFAULT.withBacktest(3, 4);
    ForecastSpec fs = spec.forecastSpec();

    Map<String, SeriesResult> got = run(rows, spec);

    assertThat(got).hasSize(series.size());
    for (Map.Entry<String, TimeSeries> e : series.entrySet()) {
      SeriesResult r = got.get(e.getKey());
      Forecast f = Forecaster.forecast(e.getValue(), fs);
      BacktestResult b = Backtest.run(e.getValue(), fs, spec.backtestSpec());
      assertThat(r.error()).as(e.getKey()).isEmpty();
      assertThat(r.model()).as(e.getKey()).isEqualTo(f.model());
      assertThat(r.start()).isEqualTo(f.start().toString());
      assertThat(r.points()).as(e.getKey()).containsExactly(f.points());
      for (double p : f.quantileProbabilities()) {
        assertThat(r.quantile(p)).as(e.getKey() + " q" + p).containsExactly(f.quantile(p));
      }
      assertThat(r.backtestOrigins()).isEqualTo(b.origins().size()).isEqualTo(3);
      assertThat(r.smape()).isEqualTo(b.smape());
      assertThat(r.mase()).isEqualTo(b.mase());
      assertThat(r.crps()).isEqualTo(b.crps());
    }
  }

  @Test
  void forecast_badSeries_yieldRowsWithTheirErrors_andTheGoodOnesStillForecast() {
    List<Row> rows = new ArrayList<>();
    TimeSeries good = new SyntheticSeries(3, 40).series(1);
    rows.addAll(TestSpark.rows("good", good));
    double[] withNaN = good.values();
    withNaN[17] = Double.NaN;
    rows.addAll(TestSpark.rows("nan", TimeSeries.of(Period.month(2000, 1), withNaN)));
    rows.addAll(TestSpark.rows("short", TimeSeries.of(Period.month(2020, 1), 4, 5)));
    rows.addAll(
        TestSpark.rows(
            "flat",
            TimeSeries.of(Period.month(2020, 1), 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5)));
    double big = Double.MAX_VALUE;
    // The engine refuses this one (values too large to fit; AUTO used to fail with a
    // NullPointerException): the row must carry the failure and the job must go on.
    rows.addAll(
        TestSpark.rows(
            "throws", TimeSeries.of(Period.month(2020, 1), big, big, 0, big, 0, big, 0, 1, 2, 3)));
    rows.add(org.apache.spark.sql.RowFactory.create("dup", "2020-01", 1.0));
    rows.add(org.apache.spark.sql.RowFactory.create("dup", "2020-01", 2.0));
    rows.add(org.apache.spark.sql.RowFactory.create("dup", "2020-02", 2.0));
    rows.add(org.apache.spark.sql.RowFactory.create("gap", "2020-01", 1.0));
    rows.add(org.apache.spark.sql.RowFactory.create("gap", "2020-02", 2.0));
    rows.add(org.apache.spark.sql.RowFactory.create("gap", "2020-05", 2.0));
    rows.add(org.apache.spark.sql.RowFactory.create("gap", "2020-06", 3.0));
    rows.add(org.apache.spark.sql.RowFactory.create("mixed", "2020-01", 1.0));
    rows.add(org.apache.spark.sql.RowFactory.create("mixed", "2020-Q2", 2.0));
    rows.add(org.apache.spark.sql.RowFactory.create("mixed", "2020-03", 2.0));

    Map<String, SeriesResult> got = run(rows, BatchSpec.DEFAULT);

    assertThat(got.keySet())
        .containsExactlyInAnyOrder("good", "nan", "short", "flat", "throws", "dup", "gap", "mixed");
    assertThat(got.get("good").ok()).isTrue();
    assertThat(got.get("good").points())
        .containsExactly(Forecaster.forecast(good, ForecastSpec.DEFAULT).points());
    assertThat(got.get("nan").error()).contains("value at 2001-06 is missing (NaN)");
    assertThat(got.get("short").error()).contains("too short: 2 value(s), expected at least 3");
    assertThat(got.get("flat").ok()).isTrue();
    assertThat(got.get("flat").points()).containsOnly(5.0);
    assertThat(got.get("throws").error())
        .startsWith(
            "the forecasting engine failed: ForecastInputException: values too large to fit");
    assertThat(got.get("dup").error()).contains("period 2020-01 appears twice");
    assertThat(got.get("gap").ok()).as(got.get("gap").error()).isTrue();
    assertThat(got.get("gap").diagnostics())
        .contains("2 missing value(s) inside the series filled by linear interpolation");
    assertThat(got.get("mixed").error()).contains("mixed frequencies");
    for (String bad : List.of("nan", "short", "throws", "dup", "mixed")) {
      assertThat(got.get(bad).points()).as(bad).isEmpty();
    }
  }

  @Test
  void forecast_skewedLengths_capsTheFittedWindow_asTheRowSays() {
    List<Row> rows = new ArrayList<>();
    SyntheticSeries shortOnes = new SyntheticSeries(5, 24);
    for (long id = 0; id < 150; id++) {
      rows.addAll(TestSpark.rows("short" + id, shortOnes.series(id)));
    }
    SyntheticSeries longOnes = new SyntheticSeries(6, 40_000);
    for (long id = 0; id < 3; id++) {
      rows.addAll(TestSpark.rows("long" + id, longOnes.series(id)));
    }
    BatchSpec spec = BatchSpec.DEFAULT.withMaxFitLength(240);

    Map<String, SeriesResult> got = run(rows, spec);

    assertThat(got).hasSize(153);
    assertThat(got.values()).allSatisfy(r -> assertThat(r.ok()).as(r.error()).isTrue());
    for (long id = 0; id < 3; id++) {
      SeriesResult r = got.get("long" + id);
      TimeSeries full = longOnes.series(id);
      TimeSeries tail =
          TimeSeries.of(
              full.periodAt(40_000 - 240),
              java.util.Arrays.copyOfRange(full.values(), 40_000 - 240, 40_000));
      assertThat(r.observations()).isEqualTo(40_000);
      assertThat(r.fitted()).isEqualTo(240);
      assertThat(r.diagnostics()).startsWith("fitted the last 240 of 40000 values");
      assertThat(r.start()).isEqualTo(full.end().plus(1).toString());
      assertThat(r.points())
          .containsExactly(Forecaster.forecast(tail, spec.forecastSpec()).points());
    }
  }

  private static double[] quarterlyValues() {
    double[] v = new double[36];
    for (int i = 0; i < v.length; i++) {
      v[i] = 100 + 2 * i + 10 * ((i % 4) - 1.5) + ((i * 7919) % 13) / 3.0;
    }
    return v;
  }
}
