package org.vigil.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.vigil.timeseries.Period;

/**
 * A forecast: point forecasts for consecutive periods, quantiles, the model that produced them with
 * its parameters, its fit statistics and diagnostics. Immutable; arrays are copied out.
 */
public final class Forecast {
  private final Period start;
  private final double[] points;
  private final TreeMap<Double, double[]> quantiles;
  private final ForecastMethod method;
  private final String model;
  private final Map<String, Double> parameters;
  private final FitStatistics fit;
  private final List<String> diagnostics;

  Forecast(
      Period start,
      double[] points,
      Map<Double, double[]> quantiles,
      ForecastMethod method,
      String model,
      Map<String, Double> parameters,
      FitStatistics fit,
      List<String> diagnostics) {
    this.start = start;
    this.points = points.clone();
    this.quantiles = new TreeMap<>();
    quantiles.forEach((p, q) -> this.quantiles.put(p, q.clone()));
    this.method = method;
    this.model = model;
    this.parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    this.fit = fit;
    this.diagnostics = List.copyOf(diagnostics);
  }

  /** The first forecast period (the one after the series' last observation). */
  public Period start() {
    return start;
  }

  public int horizon() {
    return points.length;
  }

  /** The forecast periods, {@code start()} onwards. */
  public List<Period> periods() {
    List<Period> out = new ArrayList<>(points.length);
    for (int i = 0; i < points.length; i++) {
      out.add(start.plus(i));
    }
    return out;
  }

  /** Point forecasts, one a step (a copy). */
  public double[] points() {
    return points.clone();
  }

  /** The point forecast {@code step} steps ahead, 1-based. */
  public double point(int step) {
    return points[step - 1];
  }

  /** The quantile probabilities available, ascending. */
  public List<Double> quantileProbabilities() {
    return List.copyOf(quantiles.keySet());
  }

  /**
   * The forecast quantiles at probability {@code p}, one a step.
   *
   * @throws ForecastInputException when {@code p} is not one of {@link #quantileProbabilities()}
   */
  public double[] quantile(double p) {
    double[] q = quantiles.get(ForecastSpec.round(p));
    if (q == null) {
      throw new ForecastInputException(
          "No quantile at probability "
              + p
              + ": expected one of "
              + quantiles.keySet()
              + "; add the interval level to the ForecastSpec");
    }
    return q.clone();
  }

  /** Lower bound of the central interval with coverage {@code level} (0.8 for 80%). */
  public double[] lower(double level) {
    return quantile((1 - level) / 2);
  }

  /** Upper bound of the central interval with coverage {@code level}. */
  public double[] upper(double level) {
    return quantile((1 + level) / 2);
  }

  /** The method asked for or chosen (for AUTO: the method actually used). */
  public ForecastMethod method() {
    return method;
  }

  /** The model chosen, for example {@code ETS(M,Ad,N)} or {@code Theta(seasonal)}. */
  public String model() {
    return model;
  }

  /** Estimated parameters by name (alpha, beta, phi, theta, ...). */
  public Map<String, Double> parameters() {
    return parameters;
  }

  public FitStatistics fit() {
    return fit;
  }

  /** Remarks about the fit: fallbacks, transforms, members of a combination. */
  public List<String> diagnostics() {
    return diagnostics;
  }

  @Override
  public String toString() {
    return "Forecast["
        + model
        + " from "
        + start
        + ", h="
        + points.length
        + ", points="
        + Arrays.toString(points)
        + ", diagnostics="
        + diagnostics
        + "]";
  }
}
