package org.vigil.analytics.trend;

/**
 * The Mann-Kendall statistic of one series (or the sum over seasons for the seasonal test).
 *
 * @param n number of present values used
 * @param s Kendall's S: concordant minus discordant pairs with time
 * @param varS variance of S under no trend, corrected for ties
 * @param z the normal score of S (with continuity correction when asked)
 * @param tau Kendall's tau-b between values and time (for the seasonal test: S over the summed
 *     tau-b denominators)
 * @param pValue two-sided p-value from the normal approximation; 1 when S has no variance
 */
public record MannKendallResult(int n, long s, double varS, double z, double tau, double pValue) {
  public MannKendallResult {
    if (n < 0 || varS < 0 || Double.isNaN(varS)) {
      throw new IllegalArgumentException(
          "Mann-Kendall result needs n >= 0 and varS >= 0, found n=" + n + ", varS=" + varS);
    }
    if (!(pValue >= 0 && pValue <= 1)) {
      throw new IllegalArgumentException("Mann-Kendall p-value must be in [0, 1], found " + pValue);
    }
  }
}
