package org.vigil.forecast.arima;

import java.util.Arrays;

/**
 * Point forecasts and their standard errors for steps 1..h after the end of the series.
 *
 * @param mean point forecasts (conditional means), one per step
 * @param standardError standard deviation of the forecast error per step (Gaussian errors,
 *     parameter uncertainty ignored, as in R's {@code predict.Arima})
 */
public record ArimaForecast(double[] mean, double[] standardError) {

  public ArimaForecast {
    if (mean.length != standardError.length) {
      throw new IllegalArgumentException(
          "Forecast mean and standard error must have the same length, found "
              + mean.length
              + " and "
              + standardError.length);
    }
    mean = mean.clone();
    standardError = standardError.clone();
  }

  @Override
  public double[] mean() {
    return mean.clone();
  }

  @Override
  public double[] standardError() {
    return standardError.clone();
  }

  /** Number of steps. */
  public int horizon() {
    return mean.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ArimaForecast f
        && Arrays.equals(mean, f.mean)
        && Arrays.equals(standardError, f.standardError);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(mean) + Arrays.hashCode(standardError);
  }

  @Override
  public String toString() {
    return "ArimaForecast[mean="
        + Arrays.toString(mean)
        + ", se="
        + Arrays.toString(standardError)
        + "]";
  }
}
