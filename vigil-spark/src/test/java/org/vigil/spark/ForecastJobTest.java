package org.vigil.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.forecast.ForecastSpec;
import org.vigil.forecast.Forecaster;
import org.vigil.timeseries.Period;
import org.vigil.timeseries.TimeSeries;

class ForecastJobTest {
  @TempDir Path dir;

  private static final TimeSeries A = new SyntheticSeries(21, 36).series(0);
  private static final TimeSeries B = new SyntheticSeries(21, 30).series(1);

  private Path csv(String name, String... extraLines) throws Exception {
    StringBuilder sb = new StringBuilder("region;series_key;period;value\n");
    for (int i = 0; i < A.size(); i++) {
      sb.append("x;A;").append(A.periodAt(i)).append(';').append(A.get(i)).append('\n');
    }
    for (int i = 0; i < B.size(); i++) {
      sb.append("x;\"B;1\";").append(B.periodAt(i)).append(';').append(B.get(i)).append('\n');
    }
    for (String l : extraLines) {
      sb.append(l).append('\n');
    }
    Path p = dir.resolve(name);
    Files.writeString(p, sb.toString(), StandardCharsets.UTF_8);
    return p;
  }

  private static Map<String, SeriesResult> results(Path parquet) {
    Map<String, SeriesResult> out = new TreeMap<>();
    for (Row r : TestSpark.session().read().parquet(parquet.toString()).collectAsList()) {
      SeriesResult s = SparkForecast.toResult(r);
      out.put(s.key(), s);
    }
    return out;
  }

  @Test
  void run_csvIn_writesParquetAndCsv_equalToTheEngine() throws Exception {
    TestSpark.session();
    Path in = csv("in.csv");
    Path out = dir.resolve("out.parquet");
    Path table = dir.resolve("forecasts.csv");
    ByteArrayOutputStream so = new ByteArrayOutputStream();
    ByteArrayOutputStream se = new ByteArrayOutputStream();

    int code =
        ForecastJob.run(
            new String[] {
              "--input",
              in.toString(),
              "--delimiter",
              ";",
              "--output",
              out.toString(),
              "--csv-output",
              table.toString(),
              "--horizon",
              "6",
              "--method",
              "ETS"
            },
            new PrintStream(so, true, StandardCharsets.UTF_8),
            new PrintStream(se, true, StandardCharsets.UTF_8));

    assertThat(code).as(se.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(so.toString(StandardCharsets.UTF_8))
        .contains("forecast 2 series")
        .contains("2 forecast, 0 with an error");
    Map<String, SeriesResult> got = results(out);
    ForecastSpec fs = BatchSpec.DEFAULT.withMethod("ETS").withHorizon(6).forecastSpec();
    assertThat(got.get("A").points()).containsExactly(Forecaster.forecast(A, fs).points());
    assertThat(got.get("B;1").points()).containsExactly(Forecaster.forecast(B, fs).points());
    List<String> lines = Files.readAllLines(table, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(1 + 12);
    assertThat(lines.get(1)).startsWith("\"A\",1," + A.end().plus(1) + ",");
  }

  @Test
  void run_badCsvValue_exits2NamingFileLineAndField() throws Exception {
    TestSpark.session();
    Path in = csv("bad.csv", "x;A;2031-01;12,5", "x;A;2031-13;1");

    ByteArrayOutputStream se = new ByteArrayOutputStream();
    int code =
        ForecastJob.run(
            new String[] {
              "--input", in.toString(), "--delimiter", ";", "--output", dir.resolve("o").toString()
            },
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(se, true, StandardCharsets.UTF_8));

    int line = 1 + A.size() + B.size() + 1;
    assertThat(code).isEqualTo(2);
    assertThat(se.toString(StandardCharsets.UTF_8))
        .contains("bad.csv line " + line + ", field value: expected a number")
        .contains("found '12,5'")
        .contains("bad.csv line " + (line + 1) + ", field period: expected a period")
        .contains("2 input row(s) refused; nothing was forecast");
    assertThat(dir.resolve("o")).doesNotExist();
  }

  @Test
  void csv_headerWithoutTheKeyColumn_isRefusedNamingLine1() throws Exception {
    Path in = dir.resolve("h.csv");
    Files.writeString(in, "id,period,value\nA,2020-01,1\n", StandardCharsets.UTF_8);

    assertThatThrownBy(
            () ->
                LongFormInput.csv(
                    TestSpark.session(), in.toString(), LongFormInput.Columns.DEFAULT, ','))
        .isInstanceOf(JobInputException.class)
        .hasMessageContaining("h.csv line 1, field series_key: expected a header naming")
        .hasMessageContaining("found [id, period, value]");
  }

  @Test
  void parquet_roundTrip_andAMissingColumnIsNamed() {
    List<Row> rows = new ArrayList<>(TestSpark.rows("A", A));
    Path p = dir.resolve("in.parquet");
    TestSpark.longForm(rows).write().parquet(p.toString());

    List<Row> back =
        LongFormInput.parquet(TestSpark.session(), p.toString(), LongFormInput.Columns.DEFAULT)
            .collectAsList();

    assertThat(back).hasSize(A.size());
    assertThatThrownBy(
            () ->
                LongFormInput.parquet(
                    TestSpark.session(),
                    p.toString(),
                    new LongFormInput.Columns("series_key", "month", "value")))
        .isInstanceOf(JobInputException.class)
        .hasMessageContaining("field 'month' is missing");
  }

  @Test
  void jdbc_vigilStore_readsTheLatestCompleteVintageOfSharedAndPublicRowsOnly() throws Exception {
    String url = "jdbc:h2:mem:sparkstore;DB_CLOSE_DELAY=-1;NON_KEYWORDS=VALUE";
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE ingest_batch (id BIGINT PRIMARY KEY, status VARCHAR(12))");
      s.execute(
          "CREATE TABLE observation (id BIGINT PRIMARY KEY, indicator_code VARCHAR(64),"
              + " area_code VARCHAR(16), period_code VARCHAR(16), obs_value DOUBLE PRECISION,"
              + " batch_id BIGINT, classification VARCHAR(16))");
      s.execute(
          "INSERT INTO ingest_batch VALUES (1, 'COMPLETE'), (2, 'COMPLETE'), (3, 'INCOMPLETE')");
      s.execute(
          "INSERT INTO observation VALUES"
              + " (1, 'X', 'KAZ', '2020-01', 1.0, 1, 'SHARED'),"
              + " (2, 'X', 'KAZ', '2020-01', 2.0, 2, 'SHARED'),"
              + " (3, 'X', 'KAZ', '2020-02', 3.0, 1, 'PUBLIC'),"
              + " (4, 'X', 'KAZ', '2020-02', 9.0, 3, 'PUBLIC'),"
              + " (5, 'X', 'RUS', '2020-01', 7.0, 1, 'NATIONAL'),"
              + " (6, 'X', 'TJK', '2020-01', 5.0, 1, 'RESTRICTED')");
    }

    List<Row> got =
        LongFormInput.jdbc(TestSpark.session(), url, "", "", "").orderBy("period").collectAsList();

    assertThat(got)
        .extracting(r -> r.getString(0) + " " + r.getString(1) + " " + r.getDouble(2))
        .containsExactly("X/KAZ 2020-01 2.0", "X/KAZ 2020-02 3.0");
  }

  @Test
  void series_periodsInAnyOrder_areLaidOutOnTheCalendar() {
    TimeSeries s =
        SeriesForecaster.series(
            new String[] {"2020-03", "2020-01", "2020-02"}, new double[] {3, 1, 2});
    assertThat(s.start()).isEqualTo(Period.month(2020, 1));
    assertThat(s.values()).containsExactly(1, 2, 3);
  }
}
