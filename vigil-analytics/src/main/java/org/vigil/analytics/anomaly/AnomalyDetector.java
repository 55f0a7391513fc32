package org.vigil.analytics.anomaly;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.vigil.analytics.stats.Robust;
import org.vigil.forecast.Forecast;
import org.vigil.forecast.ForecastSpec;
import org.vigil.forecast.Forecaster;
import org.vigil.timeseries.TimeSeries;

/**
 * Finds anomalous values in one series.
 *
 * <p>Robust z: the expectation is Sen's trend line plus each season's median residual (for monthly
 * and quarterly series with two or more years), and z = (x - expected) / (1.4826 MAD of the
 * residuals). Median and MAD are barely moved by the outliers they look for (breakdown point 50%),
 * unlike a mean and standard deviation.
 *
 * <p>Forecast interval: for each of the spec's most recent values, the forecast engine is fitted to
 * the values before it only and the value is compared with the one-step-ahead interval: an honest
 * out-of-sample check. Thread-safe (stateless).
 */
public final class AnomalyDetector {
  private AnomalyDetector() {}

  /** Anomalies in a series, ordered by period then method. */
  public static List<Anomaly> detect(TimeSeries series, AnomalySpec spec) {
    List<Anomaly> out = new ArrayList<>();
    if (series.countPresent() == 0) {
      return out;
    }
    TimeSeries s = series.trim();
    if (spec.methods().contains(Anomaly.Method.ROBUST_Z)) {
      out.addAll(robustZ(s, spec.zThreshold()));
    }
    if (spec.methods().contains(Anomaly.Method.FORECAST_INTERVAL)) {
      out.addAll(forecastInterval(s, spec));
    }
    out.sort(Comparator.comparing(Anomaly::period).thenComparing(Anomaly::method));
    return out;
  }

  static List<Anomaly> robustZ(TimeSeries s, double threshold) {
    double[] raw = s.values();
    boolean counts = isCounts(raw);
    double[] x = counts ? anscombe(raw) : raw;
    double[] expected = RobustFit.expected(x, s.frequency().seasonalPeriod());
    double[] resid = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      resid[i] = x[i] - expected[i];
    }
    double centre = Robust.median(resid);
    double scale = Robust.mad(resid);
    List<Anomaly> out = new ArrayList<>();
    if (!(scale > 0)) {
      return out;
    }
    for (int i = 0; i < x.length; i++) {
      if (Double.isNaN(x[i])) {
        continue;
      }
      double e = expected[i] + centre;
      double z = (x[i] - e) / scale;
      if (Math.abs(z) > threshold) {
        double ev = counts ? inverseAnscombe(e) : e;
        double lo = counts ? inverseAnscombe(e - threshold * scale) : e - threshold * scale;
        double hi = counts ? inverseAnscombe(e + threshold * scale) : e + threshold * scale;
        String text =
            String.format(
                Locale.ROOT,
                "%s is %.1f robust standard deviations %s the expected %s (Sen trend plus seasonal"
                    + " median%s; accepted range %s to %s at |z| <= %.1f)",
                fmt(raw[i]),
                Math.abs(z),
                z > 0 ? "above" : "below",
                fmt(ev),
                counts ? ", on the Anscombe square-root scale for counts" : "",
                fmt(lo),
                fmt(hi),
                threshold);
        out.add(new Anomaly(s.periodAt(i), raw[i], ev, lo, hi, Anomaly.Method.ROBUST_Z, z, text));
      }
    }
    return out;
  }

  /** Non-negative whole numbers: counts, whose variance grows with their level. */
  static boolean isCounts(double[] x) {
    return org.vigil.timeseries.TimeSeries.isCounts(x);
  }

  /** Anscombe's (1948) variance-stabilising transform for Poisson counts: 2 sqrt(x + 3/8). */
  static double[] anscombe(double[] x) {
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = 2 * Math.sqrt(x[i] + 0.375);
    }
    return y;
  }

  static double inverseAnscombe(double y) {
    return y <= 0 ? 0 : Math.max(0, y * y / 4 - 0.375);
  }

  static List<Anomaly> forecastInterval(TimeSeries s, AnomalySpec spec) {
    List<Anomaly> out = new ArrayList<>();
    int n = s.size();
    int from = Math.max(spec.minHistory(), n - spec.recent());
    ForecastSpec fs =
        ForecastSpec.builder()
            .method(spec.forecastMethod())
            .horizon(1)
            .levels(spec.level())
            .build();
    for (int t = from; t < n; t++) {
      double x = s.get(t);
      if (Double.isNaN(x) || s.head(t).countPresent() < spec.minHistory()) {
        continue;
      }
      Forecast f = Forecaster.forecast(s.head(t), fs);
      double lo = f.lower(spec.level())[0];
      double hi = f.upper(spec.level())[0];
      double mid = f.point(1);
      if (x >= lo && x <= hi) {
        continue;
      }
      double half = Math.max(1e-12, x > hi ? hi - mid : mid - lo);
      double score = x > hi ? (x - hi) / half : -(lo - x) / half;
      String text =
          String.format(
              Locale.ROOT,
              "%s is %s %s the %s%% prediction interval [%s, %s] of %s fitted to the values"
                  + " before %s (%.1f half-widths outside)",
              fmt(x),
              fmt(x > hi ? x - hi : lo - x),
              x > hi ? "above" : "below",
              new java.math.BigDecimal(spec.level() * 100)
                  .round(new java.math.MathContext(4))
                  .stripTrailingZeros()
                  .toPlainString(),
              fmt(lo),
              fmt(hi),
              f.model(),
              s.periodAt(t),
              Math.abs(score));
      out.add(
          new Anomaly(
              s.periodAt(t), x, mid, lo, hi, Anomaly.Method.FORECAST_INTERVAL, score, text));
    }
    return out;
  }

  static String fmt(double v) {
    double a = Math.abs(v);
    if (a >= 1000 || a == 0) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    return String.format(Locale.ROOT, a >= 10 ? "%.1f" : "%.3g", v);
  }
}
