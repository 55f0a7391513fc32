package org.vigil.forecast.global;

import java.util.Arrays;

/**
 * A blend of the global network's points with a local forecast's: {@code weight * net + (1 -
 * weight) * local}, step by step. The local forecast's interval bounds move with the point: each
 * bound is shifted by the blend's change of the point at that step, so the interval keeps the local
 * model's width (the network has no interval of its own).
 *
 * @param weight the network's share, in [0, 1]
 */
public record GlobalBlend(double weight) {

  public GlobalBlend {
    if (!(weight >= 0 && weight <= 1)) {
      throw new IllegalArgumentException(
          "GlobalBlend.weight must lie in [0, 1] (the network's share), found " + weight);
    }
  }

  /** The blended points; the arrays must have the same length. */
  public double[] points(double[] net, double[] local) {
    if (net.length != local.length) {
      throw new IllegalArgumentException(
          "GlobalBlend: the network gives "
              + net.length
              + " steps and the local forecast "
              + local.length
              + "; expected the same horizon");
    }
    double[] out = new double[net.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = weight * net[i] + (1 - weight) * local[i];
    }
    return out;
  }

  /** A local bound shifted by the blend's move of the point: {@code bound + (blend - local)}. */
  public static double[] shift(double[] bound, double[] local, double[] blend) {
    double[] out = Arrays.copyOf(bound, bound.length);
    for (int i = 0; i < out.length && i < local.length; i++) {
      out[i] += blend[i] - local[i];
    }
    return out;
  }
}
