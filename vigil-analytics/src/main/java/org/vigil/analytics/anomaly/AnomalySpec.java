package org.vigil.analytics.anomaly;

import java.util.EnumSet;
import java.util.Set;
import org.vigil.forecast.ForecastMethod;

/**
 * How {@link AnomalyDetector} runs. Immutable; {@link #DEFAULT} is what the CLI and API use.
 *
 * @param methods the detectors to run
 * @param zThreshold a robust |z| above this is anomalous. Iglewicz and Hoaglin (1993) suggest 3.5
 *     for one value; a 10-year monthly series holds 120, so Vigil's default is 4.5: in simulated
 *     clean Gaussian series 49 of 400 raised a false alarm at 3.5, 18 at 4.0 and 4 at 4.5, and on
 *     the demo data 2 of 76 series without a planted shock do at 4.5 (5 at 4.0)
 * @param level coverage of the forecast interval, in (0.5, 1)
 * @param recent how many of the latest values the forecast detector checks (each needs a refit)
 * @param minHistory fewest earlier values before a forecast check is made
 * @param forecastMethod the forecasting method used for the intervals
 */
public record AnomalySpec(
    Set<Anomaly.Method> methods,
    double zThreshold,
    double level,
    int recent,
    int minHistory,
    ForecastMethod forecastMethod) {

  /**
   * Both detectors, |z| > 4.5, 99.5% intervals on the last 6 values (each with at least 24 earlier
   * values), automatic model: about 3% of clean series get a false interval alarm when the
   * intervals are calibrated.
   */
  public static final AnomalySpec DEFAULT =
      new AnomalySpec(EnumSet.allOf(Anomaly.Method.class), 4.5, 0.995, 6, 24, ForecastMethod.AUTO);

  public AnomalySpec {
    if (methods == null || methods.isEmpty()) {
      throw new IllegalArgumentException("Anomaly spec needs at least one method, found none");
    }
    methods = Set.copyOf(methods);
    if (!(zThreshold > 0)) {
      throw new IllegalArgumentException("Robust z threshold must be > 0, found " + zThreshold);
    }
    if (!(level > 0.5 && level < 1)) {
      throw new IllegalArgumentException("Interval level must be in (0.5, 1), found " + level);
    }
    if (recent < 0 || minHistory < 3) {
      throw new IllegalArgumentException(
          "Anomaly spec needs recent >= 0 and minHistory >= 3, found "
              + recent
              + ", "
              + minHistory);
    }
    if (forecastMethod == null) {
      throw new IllegalArgumentException("Anomaly spec needs a forecast method, found null");
    }
  }

  public AnomalySpec withMethods(Set<Anomaly.Method> m) {
    return new AnomalySpec(m, zThreshold, level, recent, minHistory, forecastMethod);
  }

  public AnomalySpec withZThreshold(double z) {
    return new AnomalySpec(methods, z, level, recent, minHistory, forecastMethod);
  }

  public AnomalySpec withForecast(ForecastMethod m, double lvl, int last) {
    return new AnomalySpec(methods, zThreshold, lvl, last, minHistory, m);
  }
}
