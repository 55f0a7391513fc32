package org.vigil.forecast.global;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MlpTest {

  @Test
  void lossAndGradient_matchesCentralFiniteDifferences() {
    SplittableRandom rng = new SplittableRandom(7);
    int in = 5;
    int hid = 7;
    int out = 3;
    int batch = 4;
    Mlp net = new Mlp(in, hid, out, rng);
    // a larger output layer than training's start, so every parameter has a visible gradient
    for (int i = Mlp.size(in, hid, out) - hid * out - out; i < net.params.length; i++) {
      net.params[i] = rng.nextGaussian();
    }
    double[] x = gaussians(rng, batch * in);
    double[] y = gaussians(rng, batch * out);
    double[] grad = new double[net.params.length];
    net.lossAndGradient(x, y, batch, grad);
    double[] scratch = new double[net.params.length];
    // the loss is piecewise linear in each parameter, so a wide step adds no truncation error
    double eps = 1e-4;
    double worst = 0;
    int checked = 0;
    for (int p = 0; p < net.params.length; p++) {
      double keep = net.params[p];
      net.params[p] = keep + eps;
      double up = net.lossAndGradient(x, y, batch, scratch);
      net.params[p] = keep - eps;
      double down = net.lossAndGradient(x, y, batch, scratch);
      net.params[p] = keep;
      double numeric = (up - down) / (2 * eps);
      double scale = Math.max(Math.abs(numeric), Math.abs(grad[p]));
      if (scale > 1e-5) {
        worst = Math.max(worst, Math.abs(numeric - grad[p]) / scale);
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(net.params.length / 2);
    assertThat(worst).isLessThan(1e-6);
  }

  @Test
  void lossAndGradient_isTheMeanAbsoluteError() {
    SplittableRandom rng = new SplittableRandom(3);
    Mlp net = new Mlp(2, 4, 2, rng);
    double[] x = {0.5, -1, 2, 0.25};
    double[] y = {1, -1, 0, 3};
    double[] o = new double[4];
    net.predict(x, 2, o);
    double mae = 0;
    for (int i = 0; i < 4; i++) {
      mae += Math.abs(o[i] - y[i]) / 4;
    }
    assertThat(net.lossAndGradient(x, y, 2, new double[net.params.length]))
        .isCloseTo(mae, org.assertj.core.data.Offset.offset(1e-15));
  }

  private static double[] gaussians(SplittableRandom rng, int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = rng.nextGaussian();
    }
    return v;
  }
}
