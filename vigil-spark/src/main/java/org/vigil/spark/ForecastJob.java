package org.vigil.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The batch forecast job: long-form series in (CSV, Parquet or JDBC), one row per series out
 * (Parquet; optionally a CSV of the forecasts for small batches). Runs under {@code spark-submit}
 * (the master comes from it) or as a plain JVM with {@code --master local[N]}.
 *
 * <pre>
 * --input PATH | --jdbc-url URL [--jdbc-table T|"SELECT ..."] [--jdbc-user U] (password: VIGIL_JDBC_PASSWORD)
 * [--format csv|parquet] [--key-column series_key] [--period-column period] [--value-column value] [--delimiter ,]
 * --output DIR [--csv-output FILE] [--partitions N] [--master local[2]]
 * [--method AUTO] [--horizon 12] [--ets ZZZ] [--backtest ORIGINS] [--backtest-horizon 6]
 * [--min-length 3] [--max-fit 1000] [--seed 1] [--non-negative]
 * </pre>
 *
 * Exit codes: 0 done (also when some series failed: their rows carry the error), 2 bad input, 1
 * internal error.
 */
public final class ForecastJob {
  private static final Set<String> KNOWN = known();

  private ForecastJob() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    return JobExit.guard(
        err,
        () -> {
          JobArguments a = JobArguments.parse(args, KNOWN, Set.of("--non-negative"));
          BatchSpec spec = a.batchSpec();
          String output = a.require("--output");
          int partitions = a.integer("--partitions", 0, 0, 1_000_000);
          boolean existed = Sessions.running();
          SparkSession spark = Sessions.open(a.get("--master"), "vigil-forecast", partitions);
          try {
            Dataset<Row> in = input(spark, a);
            Dataset<Row> results = SparkForecast.forecast(in, spec).cache();
            results.write().mode(SaveMode.Overwrite).parquet(output);
            long total = results.count();
            long failed = results.where("error <> ''").count();
            out.println(
                "forecast "
                    + total
                    + " series ("
                    + spec.describe()
                    + "): "
                    + (total - failed)
                    + " forecast, "
                    + failed
                    + " with an error; results in "
                    + output
                    + " (Parquet)");
            if (a.get("--csv-output").isPresent()) {
              writeCsv(results.collectAsList(), Path.of(a.require("--csv-output")));
            }
            results.unpersist();
          } finally {
            Sessions.close(spark, existed);
          }
          return 0;
        });
  }

  static Dataset<Row> input(SparkSession spark, JobArguments a) {
    if (a.get("--jdbc-url").isPresent()) {
      return LongFormInput.jdbc(
          spark,
          a.require("--jdbc-url"),
          a.get("--jdbc-table", ""),
          a.get("--jdbc-user", ""),
          System.getenv().getOrDefault("VIGIL_JDBC_PASSWORD", ""));
    }
    String path = a.require("--input");
    LongFormInput.Columns c =
        new LongFormInput.Columns(
            a.get("--key-column", "series_key"),
            a.get("--period-column", "period"),
            a.get("--value-column", "value"));
    String format =
        a.get("--format", path.toLowerCase(Locale.ROOT).contains(".parquet") ? "parquet" : "csv");
    switch (format.toLowerCase(Locale.ROOT)) {
      case "csv":
        String d = a.get("--delimiter", ",");
        if (d.length() != 1) {
          throw new JobInputException("--delimiter must be one character, found '" + d + "'");
        }
        return LongFormInput.csv(spark, path, c, d.charAt(0));
      case "parquet":
        return LongFormInput.parquet(spark, path, c);
      default:
        throw new JobInputException("--format must be csv or parquet, found '" + format + "'");
    }
  }

  /** The forecasts in long form: one line per series and step (an error line per failed series). */
  static void writeCsv(List<Row> rows, Path file) {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(
          "series_key,step,period,point,lower_80,upper_80,lower_95,upper_95,model,smape,error\n");
      for (Row row : rows) {
        SeriesResult r = SparkForecast.toResult(row);
        if (!r.ok()) {
          w.write(quote(r.key()) + ",,,,,,,,," + "," + quote(r.error()) + "\n");
          continue;
        }
        org.vigil.timeseries.Period start = org.vigil.timeseries.Period.parse(r.start());
        double[] lo80 = r.quantile(0.1);
        double[] hi80 = r.quantile(0.9);
        double[] lo95 = r.quantile(0.025);
        double[] hi95 = r.quantile(0.975);
        for (int k = 0; k < r.points().length; k++) {
          w.write(
              String.join(
                      ",",
                      quote(r.key()),
                      String.valueOf(k + 1),
                      start.plus(k).toString(),
                      num(r.points()[k]),
                      num(lo80[k]),
                      num(hi80[k]),
                      num(lo95[k]),
                      num(hi95[k]),
                      quote(r.model()),
                      num(r.smape()),
                      "")
                  + "\n");
        }
      }
    } catch (IOException e) {
      throw new JobInputException(file + ": cannot write the CSV output: " + e.getMessage(), e);
    }
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "" : Double.toString(v);
  }

  private static String quote(String s) {
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }

  private static Set<String> known() {
    Set<String> k = new HashSet<>(JobArguments.SPEC);
    k.addAll(
        List.of(
            "--input",
            "--format",
            "--key-column",
            "--period-column",
            "--value-column",
            "--delimiter",
            "--jdbc-url",
            "--jdbc-table",
            "--jdbc-user",
            "--output",
            "--csv-output",
            "--partitions",
            "--master"));
    return Set.copyOf(k);
  }
}
