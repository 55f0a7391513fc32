package org.vigil.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vigil.forecast.Forecast;
import org.vigil.forecast.ForecastSpec;
import org.vigil.forecast.Forecaster;
import org.vigil.forecast.eval.Backtest;
import org.vigil.forecast.eval.BacktestResult;
import org.vigil.timeseries.Period;
import org.vigil.timeseries.TimeSeries;

/**
 * Forecasts one series of a batch with the engine and never throws: a bad series (a missing or
 * non-finite value, too few values, mixed frequencies, a repeated period, or an engine failure)
 * becomes a row with its error. Both the Spark job and the in-process runner call this, so the two
 * give the same numbers for the same series and spec.
 *
 * <p>Only the last {@link BatchSpec#maxFitLength()} values are fitted: the engine's cost grows with
 * the length (ARIMA and ETS searches are linear per candidate, the backtest refits at every
 * origin), so one very long series would otherwise hold up the whole partition it lands in.
 * Thread-safe: it keeps no state besides the immutable spec.
 */
public final class SeriesForecaster {
  private final BatchSpec batch;
  private final ForecastSpec spec;

  public SeriesForecaster(BatchSpec batch) {
    this.batch = batch;
    this.spec = batch.forecastSpec();
  }

  /**
   * Forecasts the series {@code key} given as parallel arrays of periods (any order) and values.
   */
  public SeriesResult forecast(String key, String[] periods, double[] values) {
    try {
      for (int i = 0; i < values.length; i++) {
        if (!Double.isFinite(values[i])) {
          throw new SeriesException(
              "value at "
                  + periods[i]
                  + " is "
                  + (Double.isNaN(values[i]) ? "missing (NaN)" : String.valueOf(values[i]))
                  + ", expected a finite number; remove the period or give its value");
        }
      }
      return forecast(key, series(periods, values));
    } catch (RuntimeException e) {
      return SeriesResult.failed(key, values.length, e.getMessage());
    }
  }

  /**
   * Forecasts an assembled series. NaN inside it is a period without a value (a gap), which the
   * engine fills by linear interpolation and reports, as for a stored series in process.
   */
  public SeriesResult forecast(String key, TimeSeries series) {
    int n = series.size();
    try {
      checkValues(series);
      if (series.countPresent() < batch.minLength()) {
        throw new SeriesException(
            "too short: "
                + series.countPresent()
                + " value(s), expected at least "
                + batch.minLength()
                + "; forecast it with more history or lower the minimum length");
      }
      TimeSeries fitted = n > batch.maxFitLength() ? tail(series, batch.maxFitLength()) : series;
      return run(key, n, fitted);
    } catch (SeriesException e) {
      return SeriesResult.failed(key, n, e.getMessage());
    } catch (RuntimeException | StackOverflowError e) {
      // The engine failed on this series: the row says so and the batch goes on.
      return SeriesResult.failed(
          key,
          n,
          "the forecasting engine failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private SeriesResult run(String key, int n, TimeSeries fitted) {
    Forecast f = Forecaster.forecast(fitted, batch.counts() ? batch.forecastSpec(fitted) : spec);
    for (double v : f.points()) {
      if (!Double.isFinite(v)) {
        throw new SeriesException(
            "the forecasting engine gave a non-finite forecast ("
                + v
                + ", model "
                + f.model()
                + "); check the series' scale (values near the largest double overflow)");
      }
    }
    List<Double> probs = f.quantileProbabilities();
    double[] p = new double[probs.size()];
    double[][] q = new double[p.length][];
    for (int i = 0; i < p.length; i++) {
      p[i] = probs.get(i);
      q[i] = f.quantile(p[i]);
    }
    List<String> notes = new ArrayList<>();
    if (fitted.size() < n) {
      notes.add("fitted the last " + fitted.size() + " of " + n + " values");
    }
    notes.addAll(f.diagnostics());
    BacktestResult b = batch.backtestOrigins() > 0 ? backtest(fitted, notes) : null;
    return new SeriesResult(
        key,
        "",
        n,
        fitted.size(),
        f.method().name(),
        f.model(),
        f.start().toString(),
        f.points(),
        p,
        q,
        String.join("; ", notes),
        b == null ? 0 : b.origins().size(),
        b == null ? Double.NaN : b.smape(),
        b == null ? Double.NaN : b.mase(),
        b == null ? Double.NaN : b.rmsse(),
        b == null ? Double.NaN : b.msis(),
        b == null ? Double.NaN : b.crps());
  }

  private BacktestResult backtest(TimeSeries fitted, List<String> notes) {
    BacktestResult b = Backtest.run(fitted, spec, batch.backtestSpec());
    for (String d : b.diagnostics()) {
      notes.add("backtest: " + d);
    }
    return b;
  }

  private static TimeSeries tail(TimeSeries s, int n) {
    double[] v = s.values();
    return TimeSeries.of(s.periodAt(v.length - n), Arrays.copyOfRange(v, v.length - n, v.length));
  }

  private static void checkValues(TimeSeries s) {
    double[] v = s.values();
    for (int i = 0; i < v.length; i++) {
      if (Double.isInfinite(v[i])) {
        throw new SeriesException(
            "value at " + s.periodAt(i) + " is " + v[i] + ", expected a finite number");
      }
    }
    if (Double.isNaN(v[0]) || Double.isNaN(v[v.length - 1])) {
      throw new SeriesException("the series starts or ends without a value; trim it first");
    }
  }

  /** Parses, orders and checks the periods, and lays the values out on the calendar. */
  static TimeSeries series(String[] periods, double[] values) {
    if (periods.length != values.length) {
      throw new SeriesException(
          periods.length + " periods but " + values.length + " values: expected one each");
    }
    if (periods.length == 0) {
      throw new SeriesException("no values; a series needs at least one period and value");
    }
    Period[] ps = new Period[periods.length];
    for (int i = 0; i < ps.length; i++) {
      try {
        ps[i] = Period.parse(periods[i]);
      } catch (RuntimeException e) {
        throw new SeriesException("period '" + periods[i] + "' is not a period: " + e.getMessage());
      }
    }
    for (Period p : ps) {
      if (p.frequency() != ps[0].frequency()) {
        throw new SeriesException(
            "mixed frequencies: "
                + ps[0]
                + " is "
                + ps[0].frequency()
                + " but "
                + p
                + " is "
                + p.frequency()
                + "; one series has one frequency");
      }
    }
    Integer[] order = new Integer[ps.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> ps[a].compareTo(ps[b]));
    Period first = ps[order[0]];
    Period last = ps[order[order.length - 1]];
    long span = first.until(last) + 1;
    if (span > 10_000_000L) {
      throw new SeriesException("spans " + span + " periods from " + first + " to " + last);
    }
    double[] v = new double[(int) span];
    java.util.Arrays.fill(v, Double.NaN);
    boolean[] seen = new boolean[v.length];
    for (int i : order) {
      int at = (int) first.until(ps[i]);
      if (seen[at]) {
        throw new SeriesException("period " + ps[i] + " appears twice; one value per period");
      }
      seen[at] = true;
      v[at] = values[i];
    }
    return TimeSeries.of(first, v);
  }

  /** A problem with one series' data: ends up in that series' row. */
  static final class SeriesException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SeriesException(String message) {
      super(message);
    }
  }
}
