package org.vigil.forecast;

import java.util.ArrayList;
import java.util.List;

/**
 * One member of the ETS family of Hyndman et al. (2008): error additive or multiplicative, trend
 * none, additive or additive damped, season none, additive or multiplicative.
 *
 * @param multiplicativeError whether errors are relative (M) or absolute (A)
 * @param trend 0 none, 1 additive, 2 additive damped
 * @param season 0 none, 1 additive, 2 multiplicative
 */
record EtsType(boolean multiplicativeError, int trend, int season) {
  static final int NONE = 0;
  static final int ADDITIVE = 1;
  static final int DAMPED = 2;
  static final int MULTIPLICATIVE = 2;

  EtsType {
    if (trend < 0 || trend > 2 || season < 0 || season > 2) {
      throw new IllegalArgumentException(
          "ETS trend and season codes must be 0..2, found " + trend + ", " + season);
    }
  }

  boolean trended() {
    return trend != NONE;
  }

  boolean damped() {
    return trend == DAMPED;
  }

  boolean seasonal() {
    return season != NONE;
  }

  /** Whether any component is multiplicative (such models need strictly positive data). */
  boolean anyMultiplicative() {
    return multiplicativeError || season == MULTIPLICATIVE;
  }

  /** Class 1 (linear, Gaussian: analytic variance) or 2 (M error, no M season: analytic too). */
  int varianceClass() {
    if (season == MULTIPLICATIVE) {
      return 3;
    }
    return multiplicativeError ? 2 : 1;
  }

  /** Number of smoothing parameters plus free initial states. */
  int freeParameters(int m) {
    int k = 2;
    if (trended()) {
      k += 2;
    }
    if (damped()) {
      k++;
    }
    if (seasonal()) {
      k += m;
    }
    return k;
  }

  String code() {
    return (multiplicativeError ? "M" : "A")
        + new String[] {"N", "A", "Ad"}[trend]
        + new String[] {"N", "A", "M"}[season];
  }

  @Override
  public String toString() {
    return "ETS("
        + (multiplicativeError ? "M" : "A")
        + ","
        + new String[] {"N", "A", "Ad"}[trend]
        + ","
        + new String[] {"N", "A", "M"}[season]
        + ")";
  }

  /**
   * The candidate models allowed by a code such as ZZZ; multiplicative components only for positive
   * data; seasonal ones only when {@code seasonalAllowed}; additive error with multiplicative
   * season is excluded, as in R's default (numerically unstable).
   */
  static List<EtsType> candidates(EtsSpecCode code, boolean positive, boolean seasonalAllowed) {
    List<EtsType> out = new ArrayList<>();
    for (int e = 0; e < 2; e++) {
      for (int t = 0; t < 3; t++) {
        for (int s = 0; s < 3; s++) {
          EtsType type = new EtsType(e == 1, t, s);
          if (type.matches(code)
              && (positive || !type.anyMultiplicative())
              && (seasonalAllowed || s == NONE)
              && !(e == 0 && s == MULTIPLICATIVE && code.season().equals("Z"))) {
            out.add(type);
          }
        }
      }
    }
    return out;
  }

  boolean matches(EtsSpecCode code) {
    String c = code();
    String e = c.substring(0, 1);
    String s = c.substring(c.length() - 1);
    String t = c.substring(1, c.length() - 1);
    return (code.error().equals("Z") || code.error().equals(e))
        && (code.trend().equals("Z") || code.trend().equals(t))
        && (code.season().equals("Z") || code.season().equals(s));
  }
}
