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
  private List<CountDistribution> counts = List.of();
  private double[] residuals = new double[0];

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

  /** This forecast with its count distributions (one a step, or none) and in-sample residuals. */
  Forecast withDetails(List<CountDistribution> countsPerStep, double[] inSampleResiduals) {
    Forecast f =
        new Forecast(start, points, quantiles, method, model, parameters, fit, diagnostics);
    f.counts = List.copyOf(countsPerStep);
    f.residuals = inSampleResiduals.clone();
    return f;
  }

  /**
   * For a count forecast ({@link ForecastSpec#counts()}), the distribution of each step, whose
   * quantiles are the forecast's; empty otherwise.
   */
  public List<CountDistribution> countDistributions() {
    return counts;
  }

  /**
   * The model's in-sample one-step residuals ({@code y - fitted}, on the scale it was fitted on),
   * where the method has them (ETS, Croston, SBA, TSB, naive); empty otherwise.
   */
  public double[] residuals() {
    return residuals.clone();
  }

  /**
   * The same forecast moved to other point forecasts (for example reconciled ones): a count
   * forecast takes the quantiles of its count distributions rescaled to the new means; any other
   * moves every quantile by the change of its point (truncated at zero when {@code nonNegative}).
   *
   * @throws ForecastInputException when the number of points differs from the horizon
   */
  public Forecast withPoints(double[] newPoints, boolean nonNegative, String note) {
    if (newPoints.length != points.length) {
      throw new ForecastInputException(
          "Expected "
              + points.length
              + " points to move the forecast to, found "
              + newPoints.length);
    }
    double[] probs = new double[quantiles.size()];
    int i = 0;
    for (double p : quantiles.keySet()) {
      probs[i++] = p;
    }
    Map<Double, double[]> q = new LinkedHashMap<>();
    List<CountDistribution> moved = new ArrayList<>();
    if (!counts.isEmpty()) {
      CountDistribution[] d = new CountDistribution[points.length];
      for (int h = 0; h < d.length; h++) {
        d[h] = counts.get(h).withMean(newPoints[h]);
        moved.add(d[h]);
      }
      double[][] cq = CountModel.quantiles(d, probs);
      for (int k = 0; k < probs.length; k++) {
        q.put(probs[k], cq[k]);
      }
    } else {
      quantiles.forEach(
          (p, old) -> {
            double[] x = new double[old.length];
            for (int h = 0; h < x.length; h++) {
              double v = old[h] + newPoints[h] - points[h];
              x[h] = nonNegative ? Math.max(0, v) : v;
            }
            q.put(p, x);
          });
    }
    List<String> notes = new ArrayList<>(diagnostics);
    notes.add(note);
    return new Forecast(start, newPoints, q, method, model, parameters, fit, notes)
        .withDetails(moved, residuals);
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
