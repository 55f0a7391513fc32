package org.vigil.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.struct;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;
import org.vigil.analytics.run.SeriesStage;
import org.vigil.forecast.ForecastMethod;
import org.vigil.timeseries.Period;

/**
 * The per-series stage of Vigil's analytic run as a Spark job: every task (a series of an indicator
 * in a state or district, with what to compute of it) is run through {@link SeriesStage}, the same
 * code the in-process runner calls, across the cluster. The results go to Parquet and, as one
 * tab-separated line per series, to a text directory the app imports and publishes as an analytic
 * run (risk, ownership and storage stay in the app).
 *
 * <pre>
 * --input PATH        long form (series_key = INDICATOR|AREA, period, value), CSV or Parquet
 * --tasks PATH        CSV: subject,vintage,forecast,sum,anomalies (header row; true/false flags)
 * [--period 2025-12]  the run's latest month (no forecasts without one)
 * [--method ETS]      forecasting method of the risk inputs
 * --output DIR        Parquet of the outcomes
 * [--lines-output DIR] the outcomes as text lines for the app
 * [--partitions N] [--master local[2]]
 * </pre>
 *
 * Exit codes: 0 done (also when some series failed: their outcome carries the error), 2 bad input,
 * 1 internal error.
 */
public final class AnalyticJob {
  /** The outcome rows: one per task. */
  public static final StructType OUTCOME =
      new StructType(
          new StructField[] {
            DataTypes.createStructField("subject", DataTypes.StringType, false),
            DataTypes.createStructField("forecast", DataTypes.StringType, false),
            DataTypes.createStructField("trend", DataTypes.StringType, false),
            DataTypes.createStructField("error", DataTypes.StringType, false),
            DataTypes.createStructField("anomalies", DataTypes.StringType, false)
          });

  static final StructType TASKS =
      new StructType(
          new StructField[] {
            DataTypes.createStructField("subject", DataTypes.StringType, true),
            DataTypes.createStructField("vintage", DataTypes.LongType, true),
            DataTypes.createStructField("forecast", DataTypes.BooleanType, true),
            DataTypes.createStructField("sum", DataTypes.BooleanType, true),
            DataTypes.createStructField("anomalies", DataTypes.BooleanType, true)
          });

  private static final Set<String> KNOWN =
      Set.of(
          "--input",
          "--format",
          "--tasks",
          "--period",
          "--method",
          "--output",
          "--lines-output",
          "--partitions",
          "--master");

  private AnalyticJob() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    return JobExit.guard(
        err,
        () -> {
          JobArguments a = JobArguments.parse(args, KNOWN, Set.of());
          SeriesStage stage = stage(a.get("--method", "ETS"), a.get("--period", ""));
          String output = a.require("--output");
          boolean existed = Sessions.running();
          SparkSession spark =
              Sessions.open(
                  a.get("--master"),
                  "vigil-analytic-run",
                  a.integer("--partitions", 0, 0, 1_000_000));
          LongAccumulator done = spark.sparkContext().longAccumulator("series analysed");
          SeriesProgress progress = new SeriesProgress(err, done);
          spark.sparkContext().addSparkListener(progress);
          try {
            Dataset<Row> series = input(spark, a);
            Dataset<Row> tasks = tasks(spark, a.require("--tasks"));
            progress.total = tasks.count();
            outcomes(series, tasks, stage, done).write().mode(SaveMode.Overwrite).parquet(output);
            Dataset<Row> written = spark.read().parquet(output);
            long total = written.count();
            long failed = written.where("error <> '' AND error <> '{}'").count();
            if (a.get("--lines-output").isPresent()) {
              written
                  .select(
                      concat_ws(
                          "\t",
                          col("subject"),
                          col("forecast"),
                          col("trend"),
                          col("error"),
                          col("anomalies")))
                  .write()
                  .mode(SaveMode.Overwrite)
                  .text(a.require("--lines-output"));
            }
            out.println(
                "analysed "
                    + total
                    + " series ("
                    + a.get("--method", "ETS")
                    + ", latest month "
                    + a.get("--period", "none")
                    + "): "
                    + failed
                    + " risk input(s) with an error; outcomes in "
                    + output
                    + " (Parquet)");
          } finally {
            spark.sparkContext().removeSparkListener(progress);
            Sessions.close(spark, existed);
          }
          return 0;
        });
  }

  static SeriesStage stage(String method, String period) {
    ForecastMethod m;
    try {
      m = ForecastMethod.valueOf(method.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new JobInputException(
          "--method: expected a forecasting method such as ETS, found '" + method + "'", e);
    }
    Optional<Period> p = Optional.empty();
    if (!period.isBlank()) {
      try {
        p = Optional.of(Period.parse(period.trim()));
      } catch (RuntimeException e) {
        throw new JobInputException(
            "--period: expected the run's latest month such as 2025-12, found '" + period + "'", e);
      }
    }
    return new SeriesStage(m, p);
  }

  private static Dataset<Row> input(SparkSession spark, JobArguments a) {
    String path = a.require("--input");
    String format =
        a.get("--format", path.toLowerCase(Locale.ROOT).contains(".parquet") ? "parquet" : "csv");
    if ("parquet".equalsIgnoreCase(format)) {
      return LongFormInput.parquet(spark, path, LongFormInput.Columns.DEFAULT);
    }
    return LongFormInput.csv(spark, path, LongFormInput.Columns.DEFAULT, ',');
  }

  /** The task list; a row without a subject or with an unreadable flag refuses the input. */
  static Dataset<Row> tasks(SparkSession spark, String path) {
    Dataset<Row> t =
        spark.read().option("header", "true").option("mode", "PERMISSIVE").schema(TASKS).csv(path);
    List<Row> bad =
        t.where(
                col("subject")
                    .isNull()
                    .or(col("vintage").isNull())
                    .or(col("forecast").isNull())
                    .or(col("sum").isNull())
                    .or(col("anomalies").isNull()))
            .limit(5)
            .collectAsList();
    if (!bad.isEmpty()) {
      throw new JobInputException(
          path
              + ": expected rows subject,vintage,forecast,sum,anomalies (a number and three"
              + " true/false flags), found "
              + bad
              + "; write the tasks again");
    }
    return t;
  }

  /**
   * One outcome per task: the task joined with its series' points (none: the series has no values,
   * which is its outcome's error), grouped by subject, run through the stage per partition.
   */
  public static Dataset<Row> outcomes(
      Dataset<Row> longForm, Dataset<Row> tasks, SeriesStage stage, LongAccumulator done) {
    Dataset<Row> points =
        longForm
            .groupBy(col("series_key"))
            .agg(collect_list(struct(col("period"), col("value"))).as("points"));
    Dataset<Row> joined =
        tasks
            .join(points, tasks.col("subject").equalTo(points.col("series_key")), "left")
            .select(
                col("subject"),
                col("vintage"),
                col("forecast"),
                col("sum"),
                col("anomalies"),
                col("points"))
            .repartition(col("subject"));
    return joined.mapPartitions(new AnalyticPartition(stage, done), Encoders.row(OUTCOME));
  }

  /**
   * Prints {@code @progress analyse DONE TOTAL} as finished tasks add their series to the
   * accumulator (Spark merges a task's accumulator updates before it reports the task's end).
   */
  static final class SeriesProgress extends SparkListener {
    private final PrintStream err;
    private final LongAccumulator done;
    private long shown = -1;
    volatile long total;

    SeriesProgress(PrintStream err, LongAccumulator done) {
      this.err = err;
      this.done = done;
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd e) {
      long n = done.value();
      if (total > 0 && n != shown) {
        shown = n;
        err.println("@progress analyse " + n + " " + total);
      }
    }
  }
}
