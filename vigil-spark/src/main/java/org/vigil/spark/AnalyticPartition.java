package org.vigil.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.util.LongAccumulator;
import org.vigil.analytics.run.SeriesOutcome;
import org.vigil.analytics.run.SeriesStage;
import org.vigil.analytics.run.SeriesTask;
import org.vigil.timeseries.Period;
import org.vigil.timeseries.TimeSeries;

/**
 * Runs the per-series stage over one partition of tasks. A task whose points do not make a series
 * (none at all, a repeated period, periods of mixed frequencies) gets an outcome that carries the
 * reason; no series fails the partition.
 */
final class AnalyticPartition implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;
  private final SeriesStage stage;
  private final LongAccumulator done;

  AnalyticPartition(SeriesStage stage, LongAccumulator done) {
    this.stage = stage;
    this.done = done;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    List<Row> out = new ArrayList<>();
    while (rows.hasNext()) {
      SeriesOutcome o = outcome(rows.next());
      out.add(RowFactory.create(o.subject(), o.forecast(), o.trend(), o.error(), o.anomalies()));
      done.add(1);
    }
    return out.iterator();
  }

  SeriesOutcome outcome(Row r) {
    String subject = r.getString(0);
    long vintage = r.getLong(1);
    boolean forecast = r.getBoolean(2);
    boolean sum = r.getBoolean(3);
    boolean anomalies = r.getBoolean(4);
    TimeSeries ts;
    try {
      ts = series(r.isNullAt(5) ? List.of() : r.getList(5));
    } catch (RuntimeException e) {
      return SeriesStage.unreadable(subject, vintage, forecast, anomalies, e.getMessage());
    }
    return stage.run(new SeriesTask(subject, ts, vintage, forecast, sum, anomalies));
  }

  /** The points as a series, as the app builds it: the period order, gaps as missing values. */
  static TimeSeries series(List<Row> points) {
    if (points.isEmpty()) {
      throw new IllegalArgumentException("the series has no values in the input");
    }
    TreeMap<Period, Double> byPeriod = new TreeMap<>();
    for (Row p : points) {
      Period at = Period.parse(p.getString(0));
      if (byPeriod.put(at, p.getDouble(1)) != null) {
        throw new IllegalArgumentException("period " + at + " appears twice in the input");
      }
    }
    return TimeSeries.fromPoints(byPeriod);
  }
}
