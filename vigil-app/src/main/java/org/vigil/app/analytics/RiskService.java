package org.vigil.app.analytics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.analytics.risk.InputValue;
import org.vigil.analytics.risk.Methodology;
import org.vigil.analytics.risk.RiskEngine;
import org.vigil.analytics.risk.RiskResult;
import org.vigil.analytics.risk.RiskSpec;
import org.vigil.analytics.risk.Snapshot;
import org.vigil.app.Vigil;
import org.vigil.forecast.Forecast;
import org.vigil.forecast.ForecastMethod;
import org.vigil.forecast.ForecastSpec;
import org.vigil.forecast.Forecaster;
import org.vigil.model.AccessContext;
import org.vigil.model.InvalidInputException;
import org.vigil.timeseries.Frequency;
import org.vigil.timeseries.Period;
import org.vigil.timeseries.TimeSeries;

/**
 * The risk index over the states the caller can read: the period asked (default: the latest month
 * with data), the month before it (for the change) and projections from forecasts.
 *
 * <p>Inputs at a month: a monthly indicator's value of that month (or the latest of the three
 * before it); a yearly indicator's value of that year or the latest of the ten years before it.
 * Projections: monthly indicators are forecast with the forecast engine (median and 2.5%/97.5%
 * quantiles at the horizon); yearly indicators are carried forward as known values.
 */
public final class RiskService {
  /** Months a monthly value may be carried forward. */
  static final int MONTHS_CARRIED = 3;

  /**
   * Years a yearly value may be carried forward: structural indicators (population, GDP) change
   * slowly and their public sources lag (the Penn World Table 9.1 extract ends in 2017).
   */
  static final int YEARS_CARRIED = 10;

  private final SeriesSource source;
  private final ForecastMethod forecastMethod;

  public RiskService(Vigil vigil) {
    this(vigil, ForecastMethod.ETS);
  }

  public RiskService(Vigil vigil, ForecastMethod forecastMethod) {
    this.source = new SeriesSource(vigil);
    this.forecastMethod = forecastMethod;
  }

  /**
   * What to compute.
   *
   * @param methodology the methodology (Methodology.vigilDefault() unless a file is given)
   * @param period the month to score, or empty for the latest month with data
   * @param horizons months ahead to project (e.g. 6 and 12; empty for none)
   * @param spec Monte Carlo spec
   */
  public record RiskRequest(
      Methodology methodology, Optional<Period> period, List<Integer> horizons, RiskSpec spec) {
    public RiskRequest {
      horizons = List.copyOf(horizons);
      for (int h : horizons) {
        if (h < 1 || h > 36) {
          throw new InvalidInputException(
              "Risk horizon must be 1..36 months, found " + h + ": use 6 or 12");
        }
      }
      if (period.isPresent() && period.get().frequency() != Frequency.MONTHLY) {
        throw new InvalidInputException(
            "Risk period must be a month such as 2025-06, found " + period.get());
      }
    }

    /** The default methodology, latest month, 6 and 12 months ahead, 1,000 draws. */
    public static RiskRequest defaults() {
      return new RiskRequest(
          Methodology.vigilDefault(), Optional.empty(), List.of(6, 12), RiskSpec.DEFAULT);
    }
  }

  /** The result and the period that was scored. */
  public record RiskRun(Period period, RiskResult result) {}

  public RiskRun risk(AccessContext ctx, RiskRequest req) {
    List<String> states = source.states(ctx);
    Map<String, Map<String, TimeSeries>> data = new HashMap<>();
    for (String key : req.methodology().inputKeys()) {
      Map<String, TimeSeries> perState = new HashMap<>();
      for (String s : states) {
        source.series(ctx, key, s).ifPresent(ts -> perState.put(s, ts));
      }
      data.put(key, perState);
    }
    Period period = req.period().orElseGet(() -> latestMonth(data));
    List<Snapshot> snaps = new ArrayList<>();
    snaps.add(new Snapshot(period.plus(-1), 0, observed(data, states, period.plus(-1))));
    snaps.add(new Snapshot(period, 0, observed(data, states, period)));
    int maxH = req.horizons().stream().mapToInt(Integer::intValue).max().orElse(0);
    Map<String, Forecast> forecasts = maxH > 0 ? forecasts(data, period, maxH) : Map.of();
    for (int h : req.horizons()) {
      snaps.add(new Snapshot(period.plus(h), h, projected(data, forecasts, states, period, h)));
    }
    return new RiskRun(period, RiskEngine.run(req.methodology(), snaps, req.spec()));
  }

  private static Period latestMonth(Map<String, Map<String, TimeSeries>> data) {
    Period latest = null;
    for (Map<String, TimeSeries> m : data.values()) {
      for (TimeSeries ts : m.values()) {
        if (ts.frequency() == Frequency.MONTHLY
            && (latest == null || ts.trim().end().compareTo(latest) > 0)) {
          latest = ts.trim().end();
        }
      }
    }
    if (latest == null) {
      throw new InvalidInputException(
          "No monthly indicator of the methodology has values you can read: load data (./vigil"
              + " demo) or pass --period");
    }
    return latest;
  }

  static Map<String, Map<String, InputValue>> observed(
      Map<String, Map<String, TimeSeries>> data, List<String> states, Period p) {
    Map<String, Map<String, InputValue>> out = new HashMap<>();
    for (String s : states) {
      Map<String, InputValue> row = new HashMap<>();
      data.forEach(
          (key, perState) -> {
            TimeSeries ts = perState.get(s);
            double v = ts == null ? Double.NaN : valueAt(ts, p);
            if (!Double.isNaN(v)) {
              row.put(key, InputValue.exact(v));
            }
          });
      out.put(s, row);
    }
    return out;
  }

  /** The value in force at month p: same period, or carried forward a little. */
  static double valueAt(TimeSeries ts, Period p) {
    Period target = Period.containing(p.start(), ts.frequency());
    int carry = ts.frequency() == Frequency.MONTHLY ? MONTHS_CARRIED : YEARS_CARRIED;
    for (int back = 0; back <= carry; back++) {
      long i = ts.start().until(target.plus(-back));
      if (i >= 0 && i < ts.size() && !Double.isNaN(ts.get((int) i))) {
        return ts.get((int) i);
      }
    }
    return Double.NaN;
  }

  /** One forecast per monthly (input, state) series, far enough for the longest horizon. */
  private Map<String, Forecast> forecasts(
      Map<String, Map<String, TimeSeries>> data, Period from, int maxH) {
    Map<String, Forecast> out = new HashMap<>();
    data.forEach(
        (key, perState) ->
            perState.forEach(
                (s, ts) -> {
                  if (ts.frequency() != Frequency.MONTHLY) {
                    return;
                  }
                  TimeSeries upTo = cut(ts, from);
                  if (upTo.countPresent() < 12) {
                    return;
                  }
                  int steps = (int) upTo.trim().end().until(from.plus(maxH));
                  ForecastSpec spec =
                      ForecastSpec.builder()
                          .method(forecastMethod)
                          .horizon(Math.max(1, steps))
                          .levels(0.95)
                          .nonNegative(allNonNegative(upTo))
                          .build();
                  out.put(key + "|" + s, Forecaster.forecast(upTo, spec));
                }));
    return out;
  }

  private static Map<String, Map<String, InputValue>> projected(
      Map<String, Map<String, TimeSeries>> data,
      Map<String, Forecast> forecasts,
      List<String> states,
      Period from,
      int h) {
    Map<String, Map<String, InputValue>> out = new HashMap<>();
    for (String s : states) {
      Map<String, InputValue> row = new HashMap<>();
      data.forEach(
          (key, perState) -> {
            TimeSeries ts = perState.get(s);
            if (ts == null) {
              return;
            }
            if (ts.frequency() != Frequency.MONTHLY) {
              double v = valueAt(ts, from);
              if (!Double.isNaN(v)) {
                row.put(key, InputValue.exact(v));
              }
              return;
            }
            Forecast f = forecasts.get(key + "|" + s);
            if (f == null) {
              return;
            }
            int k = (int) f.start().until(from.plus(h)) + 1;
            if (k < 1 || k > f.horizon()) {
              return;
            }
            double med = f.point(k);
            double lo = Math.min(med, f.lower(0.95)[k - 1]);
            double hi = Math.max(med, f.upper(0.95)[k - 1]);
            row.put(key, new InputValue(med, lo, hi));
          });
      out.put(s, row);
    }
    return out;
  }

  private static TimeSeries cut(TimeSeries ts, Period last) {
    long n = ts.start().until(last) + 1;
    return n >= ts.size() ? ts : ts.head((int) Math.max(1, n));
  }

  private static boolean allNonNegative(TimeSeries ts) {
    for (double v : ts.values()) {
      if (v < 0) {
        return false;
      }
    }
    return true;
  }
}
