package org.vigil.forecast.eval;

/**
 * Forecast accuracy measures, computed one way for the whole of Vigil (the M4 competition's
 * conventions, Makridakis et al., 2020). All take the actual values and forecasts of one series
 * over the horizon; scaled measures also take the in-sample data and the seasonal period used for
 * the scaling (1 for non-seasonal data). Missing actual values (NaN) are skipped.
 */
public final class Metrics {
  private Metrics() {}

  /** Symmetric MAPE in percent: mean of 200 |y - f| / (|y| + |f|); a 0/0 term counts as 0. */
  public static double smape(double[] actual, double[] forecast) {
    double s = 0;
    int c = 0;
    for (int i = 0; i < actual.length; i++) {
      if (Double.isNaN(actual[i])) {
        continue;
      }
      double d = Math.abs(actual[i]) + Math.abs(forecast[i]);
      s += d == 0 ? 0 : 200 * Math.abs(actual[i] - forecast[i]) / d;
      c++;
    }
    return c == 0 ? Double.NaN : s / c;
  }

  /**
   * Mean absolute scaled error: the mean absolute error divided by the in-sample mean absolute
   * error of the seasonal naive forecast with lag {@code m} (lag 1 when m < 2 or the sample is too
   * short for lag m).
   */
  public static double mase(double[] actual, double[] forecast, double[] insample, int m) {
    double scale = naiveScale(insample, m, false);
    double s = 0;
    int c = 0;
    for (int i = 0; i < actual.length; i++) {
      if (!Double.isNaN(actual[i])) {
        s += Math.abs(actual[i] - forecast[i]);
        c++;
      }
    }
    return c == 0 ? Double.NaN : s / c / scale;
  }

  /** Root mean squared scaled error (M5): RMSE scaled by the in-sample seasonal naive RMSE. */
  public static double rmsse(double[] actual, double[] forecast, double[] insample, int m) {
    double scale = naiveScale(insample, m, true);
    double s = 0;
    int c = 0;
    for (int i = 0; i < actual.length; i++) {
      if (!Double.isNaN(actual[i])) {
        double e = actual[i] - forecast[i];
        s += e * e;
        c++;
      }
    }
    return c == 0 ? Double.NaN : Math.sqrt(s / c) / scale;
  }

  /**
   * Mean scaled interval score (M4) of a central interval with coverage {@code 1 - a} (a = 0.05 for
   * 95%): width plus 2/a times the amount by which the actual falls outside, scaled like MASE.
   */
  public static double msis(
      double[] actual, double[] lower, double[] upper, double[] insample, int m, double a) {
    double scale = naiveScale(insample, m, false);
    double s = 0;
    int c = 0;
    for (int i = 0; i < actual.length; i++) {
      double y = actual[i];
      if (Double.isNaN(y)) {
        continue;
      }
      s += upper[i] - lower[i];
      if (y < lower[i]) {
        s += 2 / a * (lower[i] - y);
      }
      if (y > upper[i]) {
        s += 2 / a * (y - upper[i]);
      }
      c++;
    }
    return c == 0 ? Double.NaN : s / c / scale;
  }

  /** Share of actual values inside [lower, upper], in [0, 1]. */
  public static double coverage(double[] actual, double[] lower, double[] upper) {
    int in = 0;
    int c = 0;
    for (int i = 0; i < actual.length; i++) {
      if (!Double.isNaN(actual[i])) {
        c++;
        if (actual[i] >= lower[i] && actual[i] <= upper[i]) {
          in++;
        }
      }
    }
    return c == 0 ? Double.NaN : (double) in / c;
  }

  /**
   * CRPS approximated from quantiles: twice the mean pinball loss over the given probabilities,
   * averaged over the horizon (Gneiting and Raftery, 2007; exact as the number of evenly spread
   * quantiles grows). {@code quantiles[i][step]} belongs to {@code probs[i]}.
   */
  public static double crps(double[] actual, double[] probs, double[][] quantiles) {
    double s = 0;
    int c = 0;
    for (int k = 0; k < actual.length; k++) {
      double y = actual[k];
      if (Double.isNaN(y)) {
        continue;
      }
      double loss = 0;
      for (int i = 0; i < probs.length; i++) {
        loss += pinball(y, quantiles[i][k], probs[i]);
      }
      s += 2 * loss / probs.length;
      c++;
    }
    return c == 0 ? Double.NaN : s / c;
  }

  /** The pinball (quantile) loss of quantile {@code q} at probability {@code p} for {@code y}. */
  public static double pinball(double y, double q, double p) {
    return y >= q ? p * (y - q) : (1 - p) * (q - y);
  }

  /** In-sample mean absolute (or root mean squared) error of the seasonal naive forecast. */
  static double naiveScale(double[] insample, int m, boolean squared) {
    int lag = m > 1 && insample.length > m ? m : 1;
    double s = 0;
    int c = 0;
    for (int t = lag; t < insample.length; t++) {
      double d = insample[t] - insample[t - lag];
      if (!Double.isNaN(d)) {
        s += squared ? d * d : Math.abs(d);
        c++;
      }
    }
    if (c == 0) {
      return Double.NaN;
    }
    return squared ? Math.sqrt(s / c) : s / c;
  }
}
