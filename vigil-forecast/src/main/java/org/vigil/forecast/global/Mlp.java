package org.vigil.forecast.global;

import java.util.SplittableRandom;

/**
 * A perceptron with two ReLU hidden layers and a linear output, trained on the mean absolute error
 * with Adam (Kingma and Ba 2015). All parameters live in one flat array (W1, b1, W2, b2, W3, b3,
 * weights row-major as [input][output]) so that the optimiser and the gradient check treat them
 * alike. Not thread-safe: each instance owns its work buffers; train members on separate instances.
 */
final class Mlp {
  final int in;
  final int hid;
  final int out;
  final double[] params;
  private final int w1;
  private final int b1;
  private final int w2;
  private final int b2;
  private final int w3;
  private final int b3;
  private int capacity;
  private double[] z1 = new double[0];
  private double[] z2 = new double[0];
  private double[] o = new double[0];
  private double[] d1 = new double[0];
  private double[] d2 = new double[0];

  /** He-initialised hidden layers; the output layer starts small so early outputs sit near 0. */
  Mlp(int in, int hid, int out, SplittableRandom rng) {
    this(in, hid, out, new double[size(in, hid, out)]);
    fill(rng, 0, in * hid, Math.sqrt(2.0 / in));
    fill(rng, w2, hid * hid, Math.sqrt(2.0 / hid));
    fill(rng, w3, hid * out, 0.1 * Math.sqrt(1.0 / hid));
  }

  /** A network over the given parameters (shared, not copied). */
  private Mlp(int in, int hid, int out, double[] params) {
    if (params.length != size(in, hid, out)) {
      throw new IllegalArgumentException(
          "expected " + size(in, hid, out) + " parameters, found " + params.length);
    }
    this.in = in;
    this.hid = hid;
    this.out = out;
    this.params = params;
    w1 = 0;
    b1 = w1 + in * hid;
    w2 = b1 + hid;
    b2 = w2 + hid * hid;
    w3 = b2 + hid;
    b3 = w3 + hid * out;
  }

  static Mlp withParams(int in, int hid, int out, double[] params) {
    return new Mlp(in, hid, out, params);
  }

  static int size(int in, int hid, int out) {
    return in * hid + hid + hid * hid + hid + hid * out + out;
  }

  private void fill(SplittableRandom rng, int from, int n, double sd) {
    for (int i = 0; i < n; i++) {
      params[from + i] = rng.nextGaussian() * sd;
    }
  }

  private void ensure(int batch) {
    if (batch > capacity) {
      capacity = batch;
      z1 = new double[batch * hid];
      z2 = new double[batch * hid];
      o = new double[batch * out];
      d1 = new double[batch * hid];
      d2 = new double[batch * hid];
    }
  }

  /** Outputs of {@code batch} rows of {@code x} (row-major, {@code in} wide) into {@code dst}. */
  void predict(double[] x, int batch, double[] dst) {
    forward(x, batch);
    System.arraycopy(o, 0, dst, 0, batch * out);
  }

  private void forward(double[] x, int batch) {
    ensure(batch);
    affine(x, batch, in, w1, b1, hid, z1);
    // the hidden activations overwrite the pre-activations: ReLU's derivative is (a > 0) either way
    relu(z1, batch * hid);
    affine(z1, batch, hid, w2, b2, hid, z2);
    relu(z2, batch * hid);
    affine(z2, batch, hid, w3, b3, out, o);
  }

  /**
   * The mean absolute error over the batch's rows and outputs, with its gradient written into
   * {@code grad} (same layout as {@link #params}).
   */
  double lossAndGradient(double[] x, double[] y, int batch, double[] grad) {
    forward(x, batch);
    java.util.Arrays.fill(grad, 0.0);
    double scale = 1.0 / ((double) batch * out);
    double loss = 0;
    double[] g = o;
    for (int i = 0; i < batch * out; i++) {
      double e = o[i] - y[i];
      loss += Math.abs(e);
      g[i] = Math.signum(e) * scale;
    }
    weightGradient(z2, g, batch, hid, out, grad, w3, b3);
    backInput(g, batch, hid, out, w3, z2, d2);
    weightGradient(z1, d2, batch, hid, hid, grad, w2, b2);
    backInput(d2, batch, hid, hid, w2, z1, d1);
    weightGradient(x, d1, batch, in, hid, grad, w1, b1);
    return loss * scale;
  }

  /** dst[i][j] = bias[j] + sum_k a[i][k] * W[k][j]. */
  private void affine(double[] a, int batch, int n, int w, int b, int m, double[] dst) {
    double[] p = params;
    for (int i = 0; i < batch; i++) {
      int row = i * m;
      System.arraycopy(p, b, dst, row, m);
      for (int k = 0; k < n; k++) {
        double v = a[i * n + k];
        if (v == 0) {
          continue;
        }
        int wk = w + k * m;
        for (int j = 0; j < m; j++) {
          dst[row + j] += v * p[wk + j];
        }
      }
    }
  }

  private static void relu(double[] z, int n) {
    for (int i = 0; i < n; i++) {
      if (z[i] < 0) {
        z[i] = 0;
      }
    }
  }

  /** grad W[k][j] += sum_i a[i][k] * d[i][j]; grad b[j] += sum_i d[i][j]. */
  private static void weightGradient(
      double[] a, double[] d, int batch, int n, int m, double[] grad, int w, int b) {
    for (int i = 0; i < batch; i++) {
      int row = i * m;
      for (int k = 0; k < n; k++) {
        double v = a[i * n + k];
        if (v == 0) {
          continue;
        }
        int wk = w + k * m;
        for (int j = 0; j < m; j++) {
          grad[wk + j] += v * d[row + j];
        }
      }
      for (int j = 0; j < m; j++) {
        grad[b + j] += d[row + j];
      }
    }
  }

  /** dst[i][k] = (sum_j d[i][j] * W[k][j]) * (act[i][k] > 0): the gradient at the layer below. */
  private void backInput(double[] d, int batch, int n, int m, int w, double[] act, double[] dst) {
    double[] p = params;
    for (int i = 0; i < batch; i++) {
      int row = i * m;
      for (int k = 0; k < n; k++) {
        if (act[i * n + k] <= 0) {
          dst[i * n + k] = 0;
          continue;
        }
        int wk = w + k * m;
        double s = 0;
        for (int j = 0; j < m; j++) {
          s += d[row + j] * p[wk + j];
        }
        dst[i * n + k] = s;
      }
    }
  }
}
