package org.vigil.analytics.run;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.vigil.analytics.anomaly.Anomaly;
import org.vigil.analytics.anomaly.AnomalyDetector;
import org.vigil.analytics.anomaly.AnomalySpec;
import org.vigil.analytics.trend.TrendAnalyser;
import org.vigil.analytics.trend.TrendSpec;
import org.vigil.forecast.Forecast;
import org.vigil.forecast.ForecastMethod;
import org.vigil.forecast.ForecastSpec;
import org.vigil.forecast.Forecaster;
import org.vigil.timeseries.Frequency;
import org.vigil.timeseries.Period;
import org.vigil.timeseries.TimeSeries;

/**
 * The per-series stage of the analytic run, a pure function of one series and this spec: for a risk
 * input, the forecast of its monthly form to {@link #HORIZON} months past the run's latest month
 * (when it has at least 12 values up to it) and its trend direction; for every series, its robust-z
 * anomalies. It never throws for a bad series: the failure is the outcome's error. Immutable and
 * serializable (Spark ships it to the executors); no clock, no randomness beyond the forecast
 * spec's fixed seed.
 */
public final class SeriesStage implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Months projected by every run. */
  public static final int HORIZON = 12;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** The published detector: robust z-scores against a Sen trend plus seasonal medians. */
  public static final AnomalySpec ANOMALIES =
      AnomalySpec.DEFAULT.withMethods(EnumSet.of(Anomaly.Method.ROBUST_Z));

  private final ForecastMethod method;
  private final String period;

  /**
   * @param method the forecasting method of the risk inputs
   * @param period the run's latest month (no forecasts without one)
   */
  public SeriesStage(ForecastMethod method, Optional<Period> period) {
    this.method = method;
    this.period = period.map(Period::toString).orElse("");
  }

  /** The run's latest month, if any. */
  public Optional<Period> period() {
    return period.isEmpty() ? Optional.empty() : Optional.of(Period.parse(period));
  }

  /** The outcome of one series. */
  public SeriesOutcome run(SeriesTask t) {
    String forecast = "";
    String trend = "";
    String error = "";
    if (t.forecast()) {
      TimeSeries monthly = t.series().toMonthly(t.sum());
      try {
        forecast = forecast(monthly);
        trend = trend(monthly);
        error = "{}";
      } catch (RuntimeException ex) {
        ObjectNode err = JSON.objectNode();
        err.put("error", String.valueOf(ex.getMessage()));
        error = err.toString();
      }
    }
    return new SeriesOutcome(
        t.subject(), forecast, trend, error, t.anomalies() ? anomalies(t) : "");
  }

  private String forecast(TimeSeries ts) {
    if (period.isEmpty() || ts.frequency() != Frequency.MONTHLY) {
      return "";
    }
    Period last = Period.parse(period);
    TimeSeries upTo = cut(ts, last);
    if (upTo.countPresent() < 12) {
      return "";
    }
    int steps = (int) upTo.trim().end().until(last.plus(HORIZON));
    ForecastSpec spec =
        ForecastSpec.builder()
            .method(method)
            .horizon(Math.max(1, steps))
            .levels(0.95)
            .nonNegative(allNonNegative(upTo))
            .build();
    return forecastJson(Forecaster.forecast(upTo, spec));
  }

  /**
   * The outcome of a series that could not even be read (no values, a repeated period, mixed
   * frequencies): its error where each asked-for result would be.
   */
  public static SeriesOutcome unreadable(
      String subject, long vintage, boolean forecast, boolean anomalies, String why) {
    String error = "";
    if (forecast) {
      ObjectNode err = JSON.objectNode();
      err.put("error", String.valueOf(why));
      error = err.toString();
    }
    String anomaly = "";
    if (anomalies) {
      ObjectNode n = JSON.objectNode();
      n.put("vintage", vintage);
      n.put("end", "");
      n.put("error", String.valueOf(why));
      n.putArray("anomalies");
      anomaly = n.toString();
    }
    return new SeriesOutcome(subject, "", "", error, anomaly);
  }

  /** Median and 95% bounds per month; the bounds never cross the median. */
  static String forecastJson(Forecast f) {
    ObjectNode n = JSON.objectNode();
    n.put("model", f.model());
    n.put("start", f.start().toString());
    ArrayNode med = n.putArray("median");
    ArrayNode lo = n.putArray("lower95");
    ArrayNode hi = n.putArray("upper95");
    double[] l = f.lower(0.95);
    double[] u = f.upper(0.95);
    for (int k = 1; k <= f.horizon(); k++) {
      double m = f.point(k);
      med.add(m);
      lo.add(Math.min(m, l[k - 1]));
      hi.add(Math.max(m, u[k - 1]));
    }
    return n.toString();
  }

  private static String trend(TimeSeries ts) {
    ObjectNode n = JSON.objectNode();
    n.put(
        "direction",
        TrendAnalyser.analyse(ts, TrendSpec.builder().changePoints(false).build(), "")
            .direction()
            .name());
    n.put("end", ts.trim().end().toString());
    return n.toString();
  }

  private String anomalies(SeriesTask t) {
    Period end = t.series().trim().end();
    try {
      return anomalyJson(t.vintage(), end, AnomalyDetector.detect(t.series(), ANOMALIES));
    } catch (RuntimeException e) {
      // A failed series is recorded with its error; it never fails the run.
      ObjectNode n = JSON.objectNode();
      n.put("vintage", t.vintage());
      n.put("end", end.toString());
      n.put("error", String.valueOf(e.getMessage()));
      n.putArray("anomalies");
      return n.toString();
    }
  }

  /** The ANOMALY payload: the input's vintage and end, and every anomaly found. */
  public static String anomalyJson(long vintage, Period end, List<Anomaly> found) {
    ObjectNode n = JSON.objectNode();
    n.put("vintage", vintage);
    n.put("end", end.toString());
    ArrayNode a = n.putArray("anomalies");
    for (Anomaly an : found) {
      ObjectNode m = a.addObject();
      m.put("period", an.period().toString());
      m.put("value", an.value());
      m.put("expected", an.expected());
      m.put("lower", an.lower());
      m.put("upper", an.upper());
      m.put("method", an.method().name());
      m.put("score", an.score());
      m.put("description", an.description());
    }
    return n.toString();
  }

  /** The series up to and including {@code last} (at least its first value). */
  public static TimeSeries cut(TimeSeries ts, Period last) {
    long n = ts.start().until(last) + 1;
    return n >= ts.size() ? ts : ts.head((int) Math.max(1, n));
  }

  /** Whether no value is negative (missing values do not count). */
  public static boolean allNonNegative(TimeSeries ts) {
    for (double v : ts.values()) {
      if (v < 0) {
        return false;
      }
    }
    return true;
  }
}
