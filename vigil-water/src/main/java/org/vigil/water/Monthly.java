package org.vigil.water;

import java.util.Arrays;

/**
 * An immutable series of monthly volumes in million cubic metres (hm³), month 0 first. Values may
 * be anything here; the basin validation rejects negative or non-finite ones and names the node.
 */
public final class Monthly {
  private final double[] values;

  private Monthly(double[] values) {
    this.values = values;
  }

  /** A series holding a copy of the given values. */
  public static Monthly of(double... values) {
    if (values == null) {
      throw new IllegalArgumentException("Monthly series needs values, found null");
    }
    return new Monthly(values.clone());
  }

  /** The same value for each of {@code months} months. */
  public static Monthly constant(int months, double value) {
    if (months < 0) {
      throw new IllegalArgumentException("Monthly series length must be >= 0, found " + months);
    }
    double[] v = new double[months];
    Arrays.fill(v, value);
    return new Monthly(v);
  }

  /** The value of month {@code t} (0-based). */
  public double get(int t) {
    return values[t];
  }

  /** The number of months. */
  public int length() {
    return values.length;
  }

  /** The sum of the first {@code months} values. */
  public double sum(int months) {
    double s = 0;
    for (int t = 0; t < months; t++) {
      s += values[t];
    }
    return s;
  }

  /** A copy of the values. */
  public double[] toArray() {
    return values.clone();
  }

  /** This series with every value multiplied by {@code factor}. */
  public Monthly scaled(double factor) {
    double[] v = values.clone();
    for (int t = 0; t < v.length; t++) {
      v[t] *= factor;
    }
    return new Monthly(v);
  }

  /** The index of the first value that is negative or not finite, or -1 when all are fine. */
  int firstInvalid() {
    for (int t = 0; t < values.length; t++) {
      if (!(values[t] >= 0) || Double.isInfinite(values[t])) {
        return t;
      }
    }
    return -1;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Monthly m && Arrays.equals(values, m.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return Arrays.toString(values);
  }
}
