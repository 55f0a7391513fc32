package org.vigil.forecast.global;

import java.util.List;

/**
 * The training windows of a panel and the features of one window. A window reads {@code L} values
 * (a series shorter than that is padded on the left with its first value, as a flat start) and is
 * normalised by its level, the mean of its last {@code m} values ({@code m} the seasonal period,
 * the last value when {@code m} is 1): inputs are {@code log(x / level)} and targets {@code
 * log(y_{t+j} / level)}, {@code j = 1..h}. Every window whose targets lie inside the series is
 * used, starting at the first end point with a full input (or the earliest end point that still
 * leaves {@code h} targets, for short series).
 */
final class Windows {
  final int count;
  final double[] x;
  final double[] y;

  private Windows(int count, double[] x, double[] y) {
    this.count = count;
    this.x = x;
    this.y = y;
  }

  static Windows of(List<double[]> panel, int inputLength, int period, int horizon) {
    int total = 0;
    for (double[] s : panel) {
      total += windowsOf(s.length, inputLength, horizon);
    }
    double[] x = new double[total * inputLength];
    double[] y = new double[total * horizon];
    int row = 0;
    for (double[] s : panel) {
      int first = firstEnd(s.length, inputLength, horizon);
      for (int t = first; t <= s.length - horizon && first >= 1; t++) {
        double level = features(s, t, inputLength, period, x, row * inputLength);
        for (int j = 0; j < horizon; j++) {
          y[row * horizon + j] = Math.log(s[t + j] / level);
        }
        row++;
      }
    }
    return new Windows(total, x, y);
  }

  private static int firstEnd(int n, int inputLength, int horizon) {
    return Math.min(inputLength, n - horizon);
  }

  static int windowsOf(int n, int inputLength, int horizon) {
    int first = firstEnd(n, inputLength, horizon);
    return first < 1 ? 0 : n - horizon - first + 1;
  }

  /**
   * Writes the features of the window ending before index {@code end} of {@code s} into {@code dst}
   * at {@code at} and returns the window's level.
   */
  static double features(double[] s, int end, int inputLength, int period, double[] dst, int at) {
    int start = end - inputLength;
    for (int i = 0; i < inputLength; i++) {
      int k = start + i;
      dst[at + i] = s[Math.max(k, 0)];
    }
    // padding repeats the first value: index max(k, 0) above is the first value for k < 0
    int m = Math.max(1, Math.min(period, inputLength));
    double level = 0;
    for (int i = inputLength - m; i < inputLength; i++) {
      level += dst[at + i];
    }
    level /= m;
    for (int i = 0; i < inputLength; i++) {
      dst[at + i] = Math.log(dst[at + i] / level);
    }
    return level;
  }
}
