package org.vigil.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.struct;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The batch as a Spark plan: group the long-form rows by series key (one shuffle, hash-partitioned
 * on the key), forecast every series of a partition with {@link SeriesForecaster}, one result row
 * per series. A series that cannot be forecast gives a row with its error and the job goes on; the
 * fitted window is capped ({@link BatchSpec#maxFitLength()}), so no series costs more than a
 * bounded multiple of a typical one and no partition is held up by one very long series.
 */
public final class SparkForecast {
  /** The result rows: one per series. */
  public static final StructType RESULT =
      new StructType(
          new StructField[] {
            field("series_key", DataTypes.StringType),
            field("error", DataTypes.StringType),
            field("observations", DataTypes.IntegerType),
            field("fitted", DataTypes.IntegerType),
            field("method", DataTypes.StringType),
            field("model", DataTypes.StringType),
            field("first_period", DataTypes.StringType),
            field("point", DataTypes.createArrayType(DataTypes.DoubleType, false)),
            field("quantile_probabilities", DataTypes.createArrayType(DataTypes.DoubleType, false)),
            field(
                "quantiles",
                DataTypes.createArrayType(
                    DataTypes.createArrayType(DataTypes.DoubleType, false), false)),
            field("diagnostics", DataTypes.StringType),
            field("backtest_origins", DataTypes.IntegerType),
            field("smape", DataTypes.DoubleType),
            field("mase", DataTypes.DoubleType),
            field("rmsse", DataTypes.DoubleType),
            field("msis", DataTypes.DoubleType),
            field("crps", DataTypes.DoubleType)
          });

  private SparkForecast() {}

  /** Forecasts every series of {@code longForm} ({@link LongFormInput#SCHEMA}). */
  public static Dataset<Row> forecast(Dataset<Row> longForm, BatchSpec spec) {
    Dataset<Row> series =
        longForm
            .groupBy(col("series_key"))
            .agg(collect_list(struct(col("period"), col("value"))).as("points"));
    return series.mapPartitions(new ForecastPartition(spec), Encoders.row(RESULT));
  }

  /** A result row as the engine's record (for tests and the CLI's table). */
  public static SeriesResult toResult(Row r) {
    List<Double> p = r.getList(7);
    List<Double> probs = r.getList(8);
    List<scala.collection.Seq<Double>> q = r.getList(9);
    double[][] qs = new double[q.size()][];
    for (int i = 0; i < qs.length; i++) {
      qs[i] = doubles(scala.jdk.javaapi.CollectionConverters.asJava(q.get(i)));
    }
    return new SeriesResult(
        r.getString(0),
        r.getString(1),
        r.getInt(2),
        r.getInt(3),
        r.getString(4),
        r.getString(5),
        r.getString(6),
        doubles(p),
        doubles(probs),
        qs,
        r.getString(10),
        r.getInt(11),
        r.getDouble(12),
        r.getDouble(13),
        r.getDouble(14),
        r.getDouble(15),
        r.getDouble(16));
  }

  static Row toRow(SeriesResult s) {
    List<scala.collection.immutable.Seq<Double>> q = new ArrayList<>();
    for (double[] x : s.quantiles()) {
      q.add(boxed(x));
    }
    return RowFactory.create(
        s.key(),
        s.error(),
        s.observations(),
        s.fitted(),
        s.method(),
        s.model(),
        s.start(),
        boxed(s.points()),
        boxed(s.probabilities()),
        scala.jdk.javaapi.CollectionConverters.asScala(q).toList(),
        s.diagnostics(),
        s.backtestOrigins(),
        s.smape(),
        s.mase(),
        s.rmsse(),
        s.msis(),
        s.crps());
  }

  /** A Scala sequence: what Spark's row encoder takes for an array column. */
  private static scala.collection.immutable.Seq<Double> boxed(double[] x) {
    List<Double> out = new ArrayList<>(x.length);
    for (double v : x) {
      out.add(v);
    }
    return scala.jdk.javaapi.CollectionConverters.asScala(out).toList();
  }

  private static double[] doubles(List<Double> x) {
    double[] out = new double[x.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = x.get(i);
    }
    return out;
  }

  private static StructField field(String name, org.apache.spark.sql.types.DataType type) {
    return DataTypes.createStructField(name, type, false);
  }

  /** Forecasts the series of one partition, lazily, one at a time. */
  static final class ForecastPartition implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final BatchSpec spec;

    ForecastPartition(BatchSpec spec) {
      this.spec = spec;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> in) {
      SeriesForecaster forecaster = new SeriesForecaster(spec);
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return in.hasNext();
        }

        @Override
        public Row next() {
          Row r = in.next();
          List<Row> points = r.getList(1);
          String[] periods = new String[points.size()];
          double[] values = new double[points.size()];
          for (int i = 0; i < periods.length; i++) {
            periods[i] = points.get(i).getString(0);
            values[i] = points.get(i).getDouble(1);
          }
          return toRow(forecaster.forecast(r.getString(0), periods, values));
        }
      };
    }
  }
}
