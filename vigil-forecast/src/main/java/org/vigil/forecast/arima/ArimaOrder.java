package org.vigil.forecast.arima;

/**
 * The orders of a seasonal ARIMA(p,d,q)(P,D,Q)m model.
 *
 * @param p non-seasonal autoregressive order
 * @param d non-seasonal differences
 * @param q non-seasonal moving-average order
 * @param seasonalP seasonal autoregressive order (in lags of {@code m})
 * @param seasonalD seasonal differences at lag {@code m}
 * @param seasonalQ seasonal moving-average order (in lags of {@code m})
 * @param m seasonal period; 1 for non-seasonal data, in which case the seasonal orders are 0
 */
public record ArimaOrder(int p, int d, int q, int seasonalP, int seasonalD, int seasonalQ, int m) {

  public ArimaOrder {
    requireRange("p", p, 0, 20);
    requireRange("d", d, 0, 2);
    requireRange("q", q, 0, 20);
    requireRange("P", seasonalP, 0, 5);
    requireRange("D", seasonalD, 0, 1);
    requireRange("Q", seasonalQ, 0, 5);
    if (m < 1) {
      throw new IllegalArgumentException(
          "Seasonal period must be at least 1, found " + m + "; use 1 for non-seasonal data");
    }
    if (m == 1 && seasonalP + seasonalD + seasonalQ > 0) {
      throw new IllegalArgumentException(
          "Seasonal orders need a seasonal period above 1, found ("
              + seasonalP
              + ","
              + seasonalD
              + ","
              + seasonalQ
              + ") with m=1; set them to 0 or give the period");
    }
  }

  /** A non-seasonal ARIMA(p,d,q). */
  public static ArimaOrder of(int p, int d, int q) {
    return new ArimaOrder(p, d, q, 0, 0, 0, 1);
  }

  /** Number of observations lost to differencing: {@code d + D*m}. */
  public int differencingLoss() {
    return d + seasonalD * m;
  }

  /** Total order of the expanded autoregressive polynomial: {@code p + P*m}. */
  int expandedArOrder() {
    return p + seasonalP * m;
  }

  /** Total order of the expanded moving-average polynomial: {@code q + Q*m}. */
  int expandedMaOrder() {
    return q + seasonalQ * m;
  }

  /** Number of ARMA coefficients (without the constant). */
  int armaParameterCount() {
    return p + q + seasonalP + seasonalQ;
  }

  ArimaOrder withArma(int newP, int newQ, int newSeasonalP, int newSeasonalQ) {
    return new ArimaOrder(newP, d, newQ, newSeasonalP, seasonalD, newSeasonalQ, m);
  }

  @Override
  public String toString() {
    String base = "ARIMA(" + p + "," + d + "," + q + ")";
    return m > 1
        ? base + "(" + seasonalP + "," + seasonalD + "," + seasonalQ + ")[" + m + "]"
        : base;
  }

  private static void requireRange(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          "ARIMA order " + name + " must be in [" + min + ", " + max + "], found " + value);
    }
  }
}
