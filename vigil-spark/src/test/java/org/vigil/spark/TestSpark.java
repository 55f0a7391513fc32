package org.vigil.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.vigil.timeseries.TimeSeries;

/**
 * One {@code local[2]} session for every test class of the module (a session costs seconds to
 * start); jobs run inside it leave it running.
 */
final class TestSpark {
  private static SparkSession session;

  private TestSpark() {}

  static synchronized SparkSession session() {
    if (session == null) {
      session =
          SparkSession.builder()
              .master("local[2]")
              .appName("vigil-spark-tests")
              .config("spark.ui.enabled", "false")
              .config("spark.ui.showConsoleProgress", "false")
              .config("spark.sql.shuffle.partitions", "4")
              .config("spark.sql.adaptive.coalescePartitions.enabled", "false")
              .getOrCreate();
      session.sparkContext().setLogLevel("WARN");
    }
    return session;
  }

  /** Long-form rows of named series, in the order given (the caller may shuffle them). */
  static List<Row> rows(String key, TimeSeries s) {
    List<Row> out = new ArrayList<>();
    for (int i = 0; i < s.size(); i++) {
      out.add(RowFactory.create(key, s.periodAt(i).toString(), s.get(i)));
    }
    return out;
  }

  static Dataset<Row> longForm(List<Row> rows) {
    return session().createDataFrame(rows, LongFormInput.SCHEMA);
  }
}
