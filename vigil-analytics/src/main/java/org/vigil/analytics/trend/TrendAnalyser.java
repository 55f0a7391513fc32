package org.vigil.analytics.trend;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vigil.analytics.stats.Robust;
import org.vigil.timeseries.TimeSeries;

/**
 * One series in, one {@link TrendResult} out: Mann-Kendall (seasonal when the spec says so), Sen's
 * slope per year, PELT change points on the deseasonalised series, and a sentence such as "Rising
 * by 3.1 per 100,000 a year since 2019 (p &lt; 0.01)." Thread-safe (stateless).
 */
public final class TrendAnalyser {
  /** Fewest present values for a verdict. */
  public static final int MIN_VALUES = 4;

  private TrendAnalyser() {}

  /**
   * Analyses a series.
   *
   * @param series the series; NaN values are gaps
   * @param unit the unit for the statement, e.g. "per 100,000" or "incidents" (may be empty)
   * @throws IllegalArgumentException if the series has no value at all
   */
  public static TrendResult analyse(TimeSeries series, TrendSpec spec, String unit) {
    TimeSeries s = series.trim();
    double[] x = s.values();
    // The season of the seasonal Mann-Kendall test is the frequency's main cycle (7 for days, 52
    // for weeks, 12 for months); slopes are stated per year with the mean year's length.
    int ppy = s.frequency().seasonalPeriod();
    double perYear = s.frequency().meanPeriodsPerYear();
    List<String> notes = new ArrayList<>();
    int present = s.countPresent();
    if (present < x.length) {
      notes.add((x.length - present) + " of " + x.length + " periods are missing (gaps kept)");
    }
    boolean seasonal = useSeasonal(spec, ppy, x.length);
    if (present < MIN_VALUES) {
      MannKendallResult none = new MannKendallResult(present, 0, 0, 0, 0, 1);
      notes.add(present + " values are too few for a trend test (need " + MIN_VALUES + ")");
      return new TrendResult(
          s.start(),
          s.end(),
          Direction.INSUFFICIENT_DATA,
          false,
          none,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          List.of(),
          "Too few values to tell a trend (" + present + ").",
          notes);
    }
    MannKendallResult mk =
        seasonal
            ? MannKendall.seasonal(x, ppy, spec.continuity())
            : MannKendall.test(x, spec.continuity());
    SensSlope.Estimate sen =
        seasonal
            ? SensSlope.seasonal(x, ppy, spec.confidence())
            : SensSlope.of(x, spec.confidence());
    Direction dir =
        mk.pValue() < spec.alpha() && mk.s() != 0
            ? (mk.s() > 0 ? Direction.RISING : Direction.FALLING)
            : Direction.NO_TREND;
    List<ChangePoint> cps =
        spec.changePoints() ? changePoints(s, x, seasonal ? ppy : 1, sen, spec, notes) : List.of();
    String text = statement(dir, sen.perPeriod() * perYear, mk.pValue(), unit, s, cps);
    return new TrendResult(
        s.start(),
        s.end(),
        dir,
        seasonal,
        mk,
        sen.perPeriod() * perYear,
        sen.lower() * perYear,
        sen.upper() * perYear,
        cps,
        text,
        notes);
  }

  private static boolean useSeasonal(TrendSpec spec, int ppy, int length) {
    return switch (spec.seasonal()) {
      case ALWAYS -> ppy > 1;
      case NEVER -> false;
      case AUTO -> ppy > 1 && length >= 3 * ppy;
    };
  }

  private static List<ChangePoint> changePoints(
      TimeSeries s,
      double[] x,
      int period,
      SensSlope.Estimate sen,
      TrendSpec spec,
      List<String> notes) {
    double[] y = deseasonalise(x, period, sen);
    int present = (int) java.util.Arrays.stream(y).filter(v -> !Double.isNaN(v)).count();
    double[] t = new double[present];
    double[] v = new double[present];
    int k = 0;
    for (int i = 0; i < y.length; i++) {
      if (!Double.isNaN(y[i])) {
        t[k] = i;
        v[k++] = y[i];
      }
    }
    double sigma = noiseSigma(v);
    if (!(sigma > 0)) {
      notes.add("no change points: the series has no noise to scale by");
      return List.of();
    }
    Pelt.Model model =
        spec.changeModel() == TrendSpec.ChangeModel.MEAN ? Pelt.Model.MEAN : Pelt.Model.LINEAR;
    double beta = spec.penaltyFactor() * Math.log(present);
    List<Integer> idx = Pelt.detect(t, v, model, sigma * sigma, beta, spec.minSegment());
    List<ChangePoint> out = new ArrayList<>();
    int prev = 0;
    for (int j = 0; j < idx.size(); j++) {
      int a = idx.get(j);
      int b = j + 1 < idx.size() ? idx.get(j + 1) : present;
      double[] before = Pelt.segmentLine(t, v, prev, a, model);
      double[] after = Pelt.segmentLine(t, v, a, b, model);
      out.add(new ChangePoint(s.periodAt((int) t[a]), before[1], after[0]));
      prev = a;
    }
    notes.add(
        String.format(
            Locale.ROOT,
            "PELT (%s model, penalty %.1f = %.1f ln n, noise sd %.4g from first differences)",
            model.name().toLowerCase(Locale.ROOT),
            beta,
            spec.penaltyFactor(),
            sigma));
    return out;
  }

  /** Subtracts each season's median residual from the Sen line (no change for period 1). */
  static double[] deseasonalise(double[] x, int period, SensSlope.Estimate sen) {
    double[] y = x.clone();
    if (period <= 1) {
      return y;
    }
    for (int season = 0; season < period; season++) {
      List<Double> r = new ArrayList<>();
      for (int i = season; i < x.length; i += period) {
        r.add(x[i] - sen.intercept() - sen.perPeriod() * i);
      }
      double m = Robust.median(r.stream().mapToDouble(Double::doubleValue).toArray());
      for (int i = season; i < x.length; i += period) {
        y[i] = x[i] - (Double.isNaN(m) ? 0 : m);
      }
    }
    return y;
  }

  /** Robust noise sd: MAD of first differences over sqrt(2), immune to level shifts. */
  static double noiseSigma(double[] v) {
    if (v.length < 3) {
      return Double.NaN;
    }
    double[] d = new double[v.length - 1];
    for (int i = 1; i < v.length; i++) {
      d[i - 1] = v[i] - v[i - 1];
    }
    double sd = Robust.mad(d) / Math.sqrt(2);
    if (sd > 0) {
      return sd;
    }
    double mean = Robust.mean(d);
    double ss = 0;
    for (double e : d) {
      ss += (e - mean) * (e - mean);
    }
    return Math.sqrt(ss / Math.max(1, d.length - 1)) / Math.sqrt(2);
  }

  static String statement(
      Direction dir, double slope, double p, String unit, TimeSeries s, List<ChangePoint> cps) {
    String u = unit == null || unit.isBlank() ? "" : " " + unit;
    String since = " since " + s.start().year();
    String base =
        switch (dir) {
          case RISING -> "Rising by " + number(Math.abs(slope)) + u + " a year" + since;
          case FALLING -> "Falling by " + number(Math.abs(slope)) + u + " a year" + since;
          default -> "No significant trend" + since;
        };
    StringBuilder sb = new StringBuilder(base).append(" (").append(pText(p)).append(").");
    for (ChangePoint c : cps) {
      sb.append(c.shift() >= 0 ? " Shift up" : " Shift down")
          .append(" of ")
          .append(number(Math.abs(c.shift())))
          .append(u)
          .append(" in ")
          .append(c.period())
          .append('.');
    }
    return sb.toString();
  }

  static String pText(double p) {
    if (p < 0.001) {
      return "p < 0.001";
    }
    if (p < 0.01) {
      return "p < 0.01";
    }
    return String.format(Locale.ROOT, "p = %.2f", p);
  }

  /** Two significant digits, at most, without exponent for everyday magnitudes. */
  static String number(double v) {
    if (v == 0 || Double.isNaN(v)) {
      return "0";
    }
    double a = Math.abs(v);
    int digits = a >= 100 ? 0 : (a >= 10 ? 1 : Math.max(1, 1 - (int) Math.floor(Math.log10(a))));
    return String.format(Locale.ROOT, "%." + digits + "f", v);
  }
}
