package org.vigil.analytics.risk;

/**
 * One input of the index for one state: an observed value (lower = median = upper) or a forecast
 * with its 2.5% and 97.5% quantiles.
 *
 * @param median central value
 * @param lower 2.5% quantile, at most the median
 * @param upper 97.5% quantile, at least the median
 */
public record InputValue(double median, double lower, double upper) {
  public InputValue {
    if (Double.isNaN(median) || !(lower <= median && median <= upper)) {
      throw new IllegalArgumentException(
          "Input value needs lower <= median <= upper, found "
              + lower
              + ", "
              + median
              + ", "
              + upper);
    }
  }

  /** An observed value, without uncertainty. */
  public static InputValue exact(double v) {
    return new InputValue(v, v, v);
  }
}
