package org.vigil.bench.m3;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.vigil.forecast.Forecast;
import org.vigil.forecast.ForecastMethod;
import org.vigil.forecast.ForecastSpec;
import org.vigil.forecast.Forecaster;

/**
 * Developer experiment for choosing the combination on validation windows only: {@code
 * M3ComboExperiment DATA_DIR sample threads}. Every series' test period is dropped; the last h
 * training values become the validation period (window A) and candidate members are fitted on the
 * rest. Weights and interval scales for the accuracy-weighted rules come from a second, earlier
 * window (B: the last {@code min(h, n - max(8, 2m))} values before A, as the engine would hold out
 * when given A's training values). Prints one table row per candidate combination, scored on A.
 */
public final class M3ComboExperiment {
  private M3ComboExperiment() {}

  /** Candidate members: name and spec change. */
  static final Map<String, java.util.function.UnaryOperator<ForecastSpec.Builder>> MEMBERS =
      new LinkedHashMap<>();

  static {
    MEMBERS.put("ets", b -> b.method(ForecastMethod.ETS));
    MEMBERS.put("etsd", b -> b.method(ForecastMethod.ETS).etsModel("ZAdZ"));
    MEMBERS.put("arima", b -> b.method(ForecastMethod.ARIMA));
    MEMBERS.put("theta", b -> b.method(ForecastMethod.THETA));
    MEMBERS.put("dotm", b -> b.method(ForecastMethod.DOTM));
    MEMBERS.put("naive2", b -> b.method(ForecastMethod.NAIVE2));
    MEMBERS.put("etsn", b -> b.method(ForecastMethod.ETS).etsModel("ZNZ"));
    MEMBERS.put("snaive", b -> b.method(ForecastMethod.SNAIVE));
    MEMBERS.put("arimalog", b -> b.method(ForecastMethod.ARIMA).boxCox(0));
    MEMBERS.put("etslog", b -> b.method(ForecastMethod.ETS).etsModel("AZZ").boxCox(0));
    MEMBERS.put("drift", b -> b.method(ForecastMethod.DRIFT));
    MEMBERS.put("holt", b -> b.method(ForecastMethod.ETS).etsModel("ZAZ"));
    MEMBERS.put("mapa", b -> b.method(ForecastMethod.MAPA));
    MEMBERS.put("bagged", b -> b.method(ForecastMethod.BAGGED_ETS));
    MEMBERS.put("baggedn", b -> b.method(ForecastMethod.BAGGED_ETS).etsModel("ZNZ"));
  }

  static final double[] PROBS = {0.025, 0.1, 0.5, 0.9, 0.975};

  /** Points (row 0) and quantiles (rows 1..5, {@link #PROBS}) of one member on one window. */
  record Fc(double[][] rows) {}

  public static void main(String[] args) throws Exception {
    List<M3Series> all = M3Data.load(Path.of(args[0]));
    List<M3Series> val = new ArrayList<>();
    // args[6]: the origin, counted back from the end of the training values in horizons (1: the
    // last h values are scored; 2: the h values before them, and so on)
    int origin = args.length > 6 ? Integer.parseInt(args[6]) : 1;
    // -Dvigil.m3.category=MONTHLY (or YEARLY,QUARTERLY,OTHER: a list) keeps those categories
    String only = System.getProperty("vigil.m3.category", "");
    for (M3Series s : M3Harness.sample(all, Integer.parseInt(args[1]))) {
      if (!only.isEmpty()
          && !List.of(only.toLowerCase(Locale.ROOT).split(",")).contains(s.category())) {
        continue;
      }
      M3Series v = M3Harness.atOrigin(s, origin);
      if (v != null) {
        val.add(v);
      }
    }
    int threads = Integer.parseInt(args[2]);
    List<String> members =
        args.length > 3 ? List.of(args[3].split(",")) : List.copyOf(MEMBERS.keySet());
    Map<String, Fc> fits = new ConcurrentHashMap<>();
    Path cache = Path.of(args.length > 5 ? args[5] : "/tmp/m3combo-" + val.size() + ".bin");
    if (java.nio.file.Files.exists(cache)) {
      try (java.io.ObjectInputStream in =
          new java.io.ObjectInputStream(
              new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(cache)))) {
        @SuppressWarnings("unchecked")
        Map<String, double[][]> m = (Map<String, double[][]>) in.readObject();
        m.forEach((k, v) -> fits.put(k, new Fc(v)));
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> fs = new ArrayList<>();
    for (M3Series s : val) {
      fs.add(pool.submit(() -> fitAll(s, members, fits)));
    }
    for (Future<?> f : fs) {
      f.get();
    }
    pool.shutdown();
    java.util.HashMap<String, double[][]> save = new java.util.HashMap<>();
    fits.forEach((k, v) -> save.put(k, v.rows()));
    try (java.io.ObjectOutputStream o =
        new java.io.ObjectOutputStream(
            new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(cache)))) {
      o.writeObject(save);
    }
    // args[7]: the next origin's cache; its B fits are this origin's window C (the h values before
    // B), so the rule "w2" can pool two windows per series without fitting anything again
    if (args.length > 7) {
      try (java.io.ObjectInputStream in =
          new java.io.ObjectInputStream(
              new java.io.BufferedInputStream(
                  java.nio.file.Files.newInputStream(Path.of(args[7]))))) {
        @SuppressWarnings("unchecked")
        Map<String, double[][]> m = (Map<String, double[][]>) in.readObject();
        m.forEach(
            (k, v) -> {
              if (k.contains("|B|")) {
                fits.put(k.replace("|B|", "|C|"), new Fc(v));
              }
            });
      }
    }
    System.out.printf(
        Locale.ROOT, "validation windows of %d series (M3 test periods not used)%n", val.size());
    List<Map<String, M3Score>> rows = new ArrayList<>();
    for (String m : members) {
      rows.add(M3Score.score(combo(val, fits, List.of(m), "mean", false, ""), val));
    }
    for (String spec : args.length > 4 ? args[4].split(";") : new String[0]) {
      String[] p = spec.split(":");
      List<String> set = List.of(p[1].split("\\+"));
      rows.add(
          M3Score.score(combo(val, fits, set, p[0], p.length > 2, p.length > 3 ? p[3] : ""), val));
    }
    System.out.print(M3Report.table(rows));
  }

  /** The series with its last h training values as the test period (the real test dropped). */
  static M3Series validation(M3Series s) {
    double[] y = s.train();
    int h = Math.min(s.horizon(), y.length - 4);
    return new M3Series(
        s.id(),
        s.category(),
        s.period(),
        s.startYear(),
        s.startPeriod(),
        Arrays.copyOf(y, y.length - h),
        Arrays.copyOfRange(y, y.length - h, y.length));
  }

  private static void fitAll(M3Series s, List<String> members, Map<String, Fc> fits) {
    double[] y = s.train();
    int m = s.period() == 24 ? 24 : s.period();
    int minFit = Math.max(8, 2 * m);
    int v = Math.min(s.horizon(), y.length - minFit);
    for (String name : members) {
      if (fits.containsKey(name + "|A|" + s.id())) {
        continue;
      }
      fits.put(name + "|A|" + s.id(), fit(s, y, s.horizon(), name));
      if (v >= 2) {
        fits.put(name + "|B|" + s.id(), fit(s, Arrays.copyOf(y, y.length - v), v, name));
      }
    }
  }

  private static Fc fit(M3Series s, double[] y, int h, String member) {
    M3Series cut =
        new M3Series(s.id(), s.category(), s.period(), s.startYear(), s.startPeriod(), y, y);
    ForecastSpec spec =
        MEMBERS
            .get(member)
            .apply(ForecastSpec.builder())
            .horizon(h)
            .levels(0.8, 0.95)
            .seasonalPeriod(s.seasonalPeriod())
            .build();
    Forecast f = Forecaster.forecast(cut.trainingSeries(), spec);
    double[][] rows = new double[PROBS.length + 1][];
    rows[0] = f.points();
    for (int i = 0; i < PROBS.length; i++) {
      rows[i + 1] = f.quantile(PROBS[i]);
    }
    return new Fc(rows);
  }

  /**
   * rule: mean, median, trim (mean without the highest and lowest), w (inverse sMAPE on B, half
   * shrunk), best (the member best on B); scale: spread intervals by window B's errors.
   */
  private static MethodForecasts combo(
      List<M3Series> val,
      Map<String, Fc> fits,
      List<String> set,
      String rule,
      boolean scale,
      String ivRule) {
    MethodForecasts mf =
        new MethodForecasts(
            rule + ":" + String.join("+", set) + (scale ? ":s" : "") + ":" + ivRule, true);
    for (M3Series s : val) {
      int k = set.size();
      double[] w = new double[k];
      Arrays.fill(w, 1.0 / k);
      Fc[] b = new Fc[k];
      boolean haveB = true;
      for (int j = 0; j < k; j++) {
        b[j] = fits.get(set.get(j) + "|B|" + s.id());
        haveB &= b[j] != null;
      }
      double[] heldB = null;
      if (haveB) {
        int v = b[0].rows()[0].length;
        double[] y = s.train();
        heldB = Arrays.copyOfRange(y, y.length - v, y.length);
        if (rule.equals("w") || rule.equals("best")) {
          w = weights(heldB, b, rule.equals("best"));
        }
      }
      Fc[] c = new Fc[k];
      boolean haveC = haveB;
      for (int j = 0; j < k; j++) {
        c[j] = fits.get(set.get(j) + "|C|" + s.id());
        haveC &= c[j] != null;
      }
      double[] heldC = haveC ? heldC(s, c[0].rows()[0].length) : null;
      if (haveC && (rule.equals("w2") || rule.equals("eq2"))) {
        w = rule.equals("w2") ? weights2(heldB, b, heldC, c) : uniform(k);
      } else if (rule.equals("w2")) {
        w = haveB ? weights(heldB, b, false) : w;
      }
      Fc[] a = new Fc[k];
      for (int j = 0; j < k; j++) {
        a[j] = fits.get(set.get(j) + "|A|" + s.id());
      }
      double[][] out = combine(a, w, rule, ivRule);
      if (scale && haveB) {
        double sc =
            haveC && (rule.equals("w2") || rule.equals("eq2"))
                ? scale2(heldB, combine(b, w, rule, ivRule), heldC, combine(c, w, rule, ivRule))
                : scale(heldB, combine(b, w, rule, ivRule));
        for (int i = 1; i < out.length; i++) {
          if (i == 3) {
            continue;
          }
          for (int t = 0; t < out[i].length; t++) {
            out[i][t] = out[3][t] + sc * (out[i][t] - out[3][t]);
          }
        }
      }
      double[][] iv = {out[2], out[4], out[1], out[5]};
      mf.put(s.id(), out[0], iv, "", 0);
    }
    return mf;
  }

  /** Window C's actual values: the last v of the next origin's training values. */
  private static double[] heldC(M3Series s, int v) {
    double[] t = validation(s).train();
    return Arrays.copyOfRange(t, t.length - v, t.length);
  }

  /** Inverse of the mean of the two windows' sMAPE, shrunk half-way to equal weights. */
  private static double[] weights2(double[] heldB, Fc[] b, double[] heldC, Fc[] c) {
    int k = b.length;
    double[] inv = new double[k];
    double total = 0;
    for (int j = 0; j < k; j++) {
      inv[j] = 1 / (0.5 * (smape(heldB, b[j].rows()[0]) + smape(heldC, c[j].rows()[0])) + 1e-6);
      total += inv[j];
    }
    double[] w = new double[k];
    for (int j = 0; j < k; j++) {
      w[j] = 0.5 * inv[j] / total + 0.5 / k;
    }
    return w;
  }

  /** As {@link #scale} with the standardised errors of both windows pooled. */
  private static double scale2(double[] heldB, double[][] cb, double[] heldC, double[][] cc) {
    double sum = 6 + zz(heldB, cb) + zz(heldC, cc);
    return Math.max(1, Math.sqrt(sum / (6 + heldB.length + heldC.length)));
  }

  private static double zz(double[] held, double[][] c) {
    double sum = 0;
    double zq = 1.2815515655446004;
    for (int t = 0; t < held.length; t++) {
      double sd = (c[4][t] - c[2][t]) / (2 * zq);
      double z = sd > 0 ? (held[t] - c[0][t]) / sd : 0;
      sum += z * z;
    }
    return sum;
  }

  private static double[] weights(double[] held, Fc[] b, boolean best) {
    int k = b.length;
    double[] inv = new double[k];
    double total = 0;
    int arg = 0;
    for (int j = 0; j < k; j++) {
      inv[j] = 1 / (smape(held, b[j].rows()[0]) + 1e-6);
      total += inv[j];
      arg = inv[j] > inv[arg] ? j : arg;
    }
    double[] w = new double[k];
    for (int j = 0; j < k; j++) {
      w[j] = best ? (j == arg ? 1 : 0) : 0.5 * inv[j] / total + 0.5 / k;
    }
    return w;
  }

  private static double[][] combine(Fc[] fc, double[] w, String rule, String iv) {
    double[][] out = combine(fc, w, rule);
    if (iv.equals("medoff")) {
      int h = out[0].length;
      double[] buf = new double[fc.length];
      for (int i = 1; i < out.length; i++) {
        if (i == 3) {
          continue;
        }
        for (int t = 0; t < h; t++) {
          for (int j = 0; j < fc.length; j++) {
            buf[j] = fc[j].rows()[i][t] - fc[j].rows()[3][t];
          }
          out[i][t] = out[3][t] + median(buf);
        }
      }
    }
    return out;
  }

  private static double[][] combine(Fc[] fc, double[] w, String rule) {
    int rowsN = fc[0].rows().length;
    int h = fc[0].rows()[0].length;
    double[][] out = new double[rowsN][h];
    double[] buf = new double[fc.length];
    for (int i = 0; i < rowsN; i++) {
      for (int t = 0; t < h; t++) {
        for (int j = 0; j < fc.length; j++) {
          buf[j] = fc[j].rows()[i][t];
        }
        out[i][t] =
            switch (rule) {
              case "median" -> median(buf);
              case "trim" -> trimmed(buf);
              default -> weighted(buf, w);
            };
      }
    }
    return out;
  }

  /** As HoldoutWeights: RMS of standardised errors pooled with 6 unit pseudo-errors, floor 1. */
  private static double scale(double[] held, double[][] c) {
    double sum = 6;
    double zq = 1.2815515655446004;
    for (int t = 0; t < held.length; t++) {
      double sd = (c[4][t] - c[2][t]) / (2 * zq);
      double z = sd > 0 ? (held[t] - c[0][t]) / sd : 0;
      sum += z * z;
    }
    return Math.max(1, Math.sqrt(sum / (6 + held.length)));
  }

  static double smape(double[] a, double[] f) {
    double s = 0;
    for (int t = 0; t < a.length; t++) {
      double d = Math.abs(a[t]) + Math.abs(f[t]);
      s += d == 0 ? 0 : 200 * Math.abs(a[t] - f[t]) / d;
    }
    return s / a.length;
  }

  private static double weighted(double[] v, double[] w) {
    double s = 0;
    for (int j = 0; j < v.length; j++) {
      s += w[j] * v[j];
    }
    return s;
  }

  private static double median(double[] v) {
    double[] c = v.clone();
    Arrays.sort(c);
    int n = c.length;
    return n % 2 == 1 ? c[n / 2] : 0.5 * (c[n / 2 - 1] + c[n / 2]);
  }

  private static double trimmed(double[] v) {
    if (v.length < 3) {
      return weighted(v, uniform(v.length));
    }
    double[] c = v.clone();
    Arrays.sort(c);
    double s = 0;
    for (int j = 1; j < c.length - 1; j++) {
      s += c[j];
    }
    return s / (c.length - 2);
  }

  private static double[] uniform(int k) {
    double[] w = new double[k];
    Arrays.fill(w, 1.0 / k);
    return w;
  }
}
