package org.vigil.forecast.global;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.vigil.forecast.ForecastInputException;

/**
 * A global forecasting network: one ensemble of small perceptrons trained on the windows of every
 * series of a panel that share a seasonal period and a horizon, then used to forecast any series of
 * that period.
 *
 * <p>Method. Each window's inputs are the log ratios of its last {@code L} values to its level (the
 * mean of the last season, or the last value for non-seasonal data), its targets the log ratios of
 * the next {@code h} values to the same level ({@link Windows}). A two-hidden-layer ReLU network
 * maps inputs to all {@code h} targets at once (the multi-output strategy of global models such as
 * N-BEATS, Oreshkin et al. 2020), trained with Adam on the mean absolute error of the log ratios,
 * which is close to the sMAPE the member is judged on. The forecast is the level times the
 * exponential of the median, step by step, of the members' outputs: the median of an ensemble of
 * seeds is robust to one member that trained badly.
 *
 * <p>Positive data only. The log ratios need positive values: a panel series with a zero, negative
 * or non-finite value is left out of training (counted in {@link #skipped()}), and {@link
 * #forecast} refuses such a series with a message that names the value. Counts with zeros belong to
 * the local count models.
 *
 * <p>Determinism. Every member trains on one thread from its own seed; members may run in parallel
 * but their results are kept in seed order, so the forecasts are the same bit for bit whatever the
 * number of threads. Instances are immutable and {@link #forecast} is thread-safe.
 */
public final class GlobalNet {
  private final GlobalNetSpec spec;
  private final int period;
  private final int horizon;
  private final List<double[]> members;
  private final int windows;
  private final int skipped;

  private GlobalNet(
      GlobalNetSpec spec,
      int period,
      int horizon,
      List<double[]> members,
      int windows,
      int skipped) {
    this.spec = spec;
    this.period = period;
    this.horizon = horizon;
    this.members = members;
    this.windows = windows;
    this.skipped = skipped;
  }

  /**
   * Trains the ensemble on every window of {@code panel}.
   *
   * @param panel series of one seasonal period, oldest value first; not modified
   * @param period seasonal period (1 for non-seasonal data)
   * @param horizon steps to forecast
   * @param pool runs the members (one task each); the result does not depend on its size
   * @throws ForecastInputException when the panel holds no window of {@code horizon + 1} positive
   *     values
   */
  public static GlobalNet train(
      List<double[]> panel, int period, int horizon, GlobalNetSpec spec, ExecutorService pool)
      throws InterruptedException {
    if (period < 1 || horizon < 1) {
      throw new ForecastInputException(
          "global network: period and horizon must be at least 1, found period "
              + period
              + " and horizon "
              + horizon);
    }
    List<double[]> usable = new ArrayList<>();
    for (double[] s : panel) {
      if (firstNonPositive(s) < 0) {
        usable.add(s);
      }
    }
    Windows w = Windows.of(usable, spec.inputLength(), period, horizon);
    if (w.count == 0) {
      throw new ForecastInputException(
          "global network: no training window in a panel of "
              + panel.size()
              + " series ("
              + (panel.size() - usable.size())
              + " with a non-positive value): each needs at least "
              + (horizon + 1)
              + " positive values; use a local method for so short a panel");
    }
    List<Future<double[]>> futures = new ArrayList<>();
    for (int k = 0; k < spec.ensembleSize(); k++) {
      long seed = spec.seed() + k;
      futures.add(pool.submit(() -> trainMember(w, horizon, spec, seed)));
    }
    List<double[]> members = new ArrayList<>();
    for (Future<double[]> f : futures) {
      try {
        members.add(f.get());
      } catch (ExecutionException e) {
        throw new IllegalStateException("global network: a member failed to train: " + e, e);
      }
    }
    return new GlobalNet(
        spec, period, horizon, List.copyOf(members), w.count, panel.size() - usable.size());
  }

  private static double[] trainMember(Windows w, int horizon, GlobalNetSpec spec, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int len = spec.inputLength();
    Mlp net = new Mlp(len, spec.width(), horizon, rng);
    Adam adam = new Adam(net.params.length);
    int batch = Math.min(spec.batchSize(), w.count);
    double[] bx = new double[batch * len];
    double[] by = new double[batch * horizon];
    double[] grad = new double[net.params.length];
    int[] order = new int[w.count];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    int third = spec.epochs() / 3 + 1;
    for (int epoch = 0; epoch < spec.epochs(); epoch++) {
      shuffle(order, rng);
      double rate = spec.learningRate() * Math.pow(0.5, epoch / third);
      for (int from = 0; from < order.length; from += batch) {
        int b = Math.min(batch, order.length - from);
        for (int i = 0; i < b; i++) {
          System.arraycopy(w.x, order[from + i] * len, bx, i * len, len);
          System.arraycopy(w.y, order[from + i] * horizon, by, i * horizon, horizon);
        }
        net.lossAndGradient(bx, by, b, grad);
        adam.step(net.params, grad, rate);
      }
    }
    return net.params;
  }

  private static void shuffle(int[] a, SplittableRandom rng) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  /**
   * Point forecasts of the next {@link #horizon()} values of {@code series} (oldest first).
   *
   * @throws ForecastInputException when the series is empty or has a zero, negative or non-finite
   *     value
   */
  public double[] forecast(double[] series) {
    if (series.length == 0) {
      throw new ForecastInputException(
          "global network: the series is empty; expected at least one positive value");
    }
    int bad = firstNonPositive(series);
    if (bad >= 0) {
      throw new ForecastInputException(
          "global network: value "
              + (bad + 1)
              + " of the series is "
              + series[bad]
              + ", expected positive values only (the network works on log ratios); use a local"
              + " method for this series");
    }
    int len = spec.inputLength();
    double[] x = new double[len];
    double level = Windows.features(series, series.length, len, period, x, 0);
    double[][] outs = new double[members.size()][horizon];
    for (int k = 0; k < members.size(); k++) {
      Mlp net = Mlp.withParams(len, spec.width(), horizon, members.get(k));
      net.predict(x, 1, outs[k]);
    }
    double[] f = new double[horizon];
    double[] col = new double[members.size()];
    for (int j = 0; j < horizon; j++) {
      for (int k = 0; k < col.length; k++) {
        col[k] = outs[k][j];
      }
      Arrays.sort(col);
      int n = col.length;
      double med = n % 2 == 1 ? col[n / 2] : 0.5 * (col[n / 2 - 1] + col[n / 2]);
      f[j] = level * Math.exp(med);
    }
    return f;
  }

  private static int firstNonPositive(double[] s) {
    for (int i = 0; i < s.length; i++) {
      if (!(s[i] > 0) || !Double.isFinite(s[i])) {
        return i;
      }
    }
    return -1;
  }

  public GlobalNetSpec spec() {
    return spec;
  }

  public int period() {
    return period;
  }

  public int horizon() {
    return horizon;
  }

  /** Training windows the ensemble saw. */
  public int windows() {
    return windows;
  }

  /** Panel series left out of training for a zero, negative or non-finite value. */
  public int skipped() {
    return skipped;
  }
}
