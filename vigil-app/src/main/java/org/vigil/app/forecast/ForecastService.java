package org.vigil.app.forecast;

import java.util.List;
import java.util.TreeMap;
import org.vigil.app.Vigil;
import org.vigil.forecast.Forecast;
import org.vigil.forecast.ForecastSpec;
import org.vigil.forecast.Forecaster;
import org.vigil.forecast.eval.Backtest;
import org.vigil.forecast.eval.BacktestResult;
import org.vigil.forecast.eval.BacktestSpec;
import org.vigil.model.AccessContext;
import org.vigil.model.NotFoundException;
import org.vigil.model.Observation;
import org.vigil.report.Counts;
import org.vigil.timeseries.Period;
import org.vigil.timeseries.TimeSeries;

/**
 * Forecasts a stored series, and measures how well the forecaster did on its past (a rolling-origin
 * backtest), with the caller's access rights: a caller sees forecasts only of the values it may
 * read. Thread-safe.
 */
public final class ForecastService {
  private final Vigil vigil;

  private ForecastService(Vigil vigil) {
    this.vigil = vigil;
  }

  public static ForecastService create(Vigil vigil) {
    return new ForecastService(vigil);
  }

  /**
   * Forecasts the latest vintage of (indicator, area) readable by {@code ctx}. A count series (all
   * values non-negative whole numbers, or an indicator whose unit counts things and whose values
   * are not negative) gets count intervals: whole numbers, never negative ({@link
   * ForecastSpec#counts()}).
   *
   * @throws NotFoundException when the caller can read no value of the series
   */
  public Forecast forecast(AccessContext ctx, String indicator, String area, ForecastSpec spec) {
    TimeSeries s = series(ctx, indicator, area);
    return Forecaster.forecast(s, effective(ctx, indicator, s, spec));
  }

  private ForecastSpec effective(
      AccessContext ctx, String indicator, TimeSeries s, ForecastSpec spec) {
    boolean countUnit =
        vigil.reference().indicator(ctx, indicator).map(Counts::isCount).orElse(false);
    boolean counts = isCounts(s) || (countUnit && s.countPresent() > 0 && nonNegative(s));
    return counts ? spec.toBuilder().counts(true).build() : spec;
  }

  private static boolean nonNegative(TimeSeries s) {
    for (int i = 0; i < s.size(); i++) {
      if (s.get(i) < 0) {
        return false;
      }
    }
    return true;
  }

  /** True when every value of the series is a non-negative whole number (a count). */
  public static boolean isCounts(TimeSeries s) {
    return s.isCounts();
  }

  /** True when the readable series is a count series (see {@link #isCounts(TimeSeries)}). */
  public boolean isCounts(AccessContext ctx, String indicator, String area) {
    return isCounts(series(ctx, indicator, area));
  }

  /**
   * The accuracy record of {@code spec} on the series' own past.
   *
   * @throws NotFoundException when the caller can read no value of the series
   */
  public BacktestResult backtest(
      AccessContext ctx, String indicator, String area, ForecastSpec spec, BacktestSpec b) {
    TimeSeries s = series(ctx, indicator, area);
    return Backtest.run(s, effective(ctx, indicator, s, spec), b);
  }

  /**
   * The latest vintage of (indicator, area) that {@code ctx} may read, as the forecaster sees it
   * (missing values left out; the engine interpolates interior gaps). Used to hand a batch to the
   * Spark job with the caller's rights.
   *
   * @throws NotFoundException when the caller can read no value of the series
   */
  public TimeSeries series(AccessContext ctx, String indicator, String area) {
    List<Observation> obs = vigil.observations().series(ctx, indicator, area);
    TreeMap<Period, Double> points = new TreeMap<>();
    for (Observation o : obs) {
      if (!Double.isNaN(o.value())) {
        points.put(o.period(), o.value());
      }
    }
    if (points.isEmpty()) {
      throw new NotFoundException(
          "No readable values of indicator '"
              + indicator
              + "' for area '"
              + area
              + "': check the codes (`./vigil series`) or ask the owning state for access");
    }
    return TimeSeries.fromPoints(points);
  }
}
