package org.vigil.analytics.risk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.vigil.analytics.stats.Robust;
import org.vigil.timeseries.Period;

/**
 * Scores every state in every domain of a methodology at every snapshot.
 *
 * <p>Per leaf: the raw input (optionally divided by a denominator such as population), ln(1 + x)
 * when asked, winsorised at quantiles pooled over all states and snapshots of the run, then
 * normalised to 0-10 by min-max (bounds from the methodology, or pooled over the run so that now,
 * the past and projections share one scale) or by rank within the snapshot, and inverted where a
 * higher value means less risk. Groups combine children with their aggregator; children without
 * data are re-weighted away while the present ones carry at least the methodology's minimum
 * coverage of the weight. The reliability is the share of leaf weight with data.
 *
 * <p>Uncertainty (Saisana, Saltelli and Tarantola 2005, JRSS A 168(2) for the approach): each Monte
 * Carlo draw samples every input from the split normal matching its median and 2.5%/97.5% quantiles
 * (forecast quantiles for projections; observed values are exact) and every weight by a log-normal
 * factor, rescores all states, and ranks them per domain. Bands are the central quantiles of the
 * draws' scores, rank-stability intervals those of their ranks. Draws for snapshot k use their own
 * random stream from (seed, k), so results do not depend on the thread count. Thread-safe: no
 * shared mutable state.
 */
public final class RiskEngine {
  private RiskEngine() {}

  /**
   * Scores all snapshots with goalposts derived from the snapshots themselves (pooled over all
   * states and snapshots given): for experiments and benchmarks. Published scores use {@link
   * #run(Methodology, Goalposts, List, RiskSpec)} with stored goalposts.
   */
  public static RiskResult run(Methodology m, List<Snapshot> snapshots, RiskSpec spec) {
    return run(m, goalposts(m, snapshots, "the snapshots scored"), snapshots, spec);
  }

  /**
   * Scores all snapshots against fixed goalposts. Values beyond the goalposts are clipped (scored 0
   * or 10) and the diagnostics say how many were.
   */
  public static RiskResult run(
      Methodology m, Goalposts goalposts, List<Snapshot> snapshots, RiskSpec spec) {
    int[] streams = new int[snapshots.size()];
    for (int i = 0; i < streams.length; i++) {
      streams[i] = i;
    }
    return run(m, goalposts, snapshots, spec, streams);
  }

  /**
   * As {@link #run(Methodology, Goalposts, List, RiskSpec)}, with the random stream of each
   * snapshot given: snapshot {@code s} draws from stream {@code streams[s]}. Scoring a subset of a
   * list of snapshots with their positions in the full list as streams gives exactly the scores of
   * the full list (an incremental analytic run re-scores only the snapshots whose inputs changed).
   * The change of a horizon-0 score is computed from the earlier snapshots given.
   */
  public static RiskResult run(
      Methodology m, Goalposts goalposts, List<Snapshot> snapshots, RiskSpec spec, int[] streams) {
    if (streams.length != snapshots.size()) {
      throw new IllegalArgumentException(
          "One random stream per snapshot: " + snapshots.size() + " snapshots, " + streams.length);
    }
    Map<String, Integer> keyIndex = keyIndex(m);
    List<String> areas =
        snapshots.stream().flatMap(s -> s.values().keySet().stream()).distinct().sorted().toList();
    List<CompiledTree> trees = trees(m);
    List<String> notes = new ArrayList<>(goalposts.notes());
    Inputs[] inputs = new Inputs[snapshots.size()];
    for (int s = 0; s < inputs.length; s++) {
      inputs[s] = Inputs.of(snapshots.get(s), areas, keyIndex);
    }
    List<Scales> scales = new ArrayList<>();
    for (CompiledTree t : trees) {
      Scales sc = Scales.fixed(t, keyIndex, goalposts);
      sc.noteClipped(inputs, snapshots, notes);
      scales.add(sc);
    }
    double[][][] factors = weightFactors(trees, spec);
    List<List<RiskScore>> perSnapshot =
        runAll(trees, scales, inputs, snapshots, areas, keyIndex, spec, factors, streams);
    List<RiskScore> all = new ArrayList<>();
    perSnapshot.forEach(all::addAll);
    return new RiskResult(m.id(), m.version(), spec, withChanges(all), notes);
  }

  static Goalposts goalposts(Methodology m, List<Snapshot> snapshots, String derivedFrom) {
    Map<String, Integer> keyIndex = keyIndex(m);
    List<String> areas =
        snapshots.stream().flatMap(s -> s.values().keySet().stream()).distinct().sorted().toList();
    Inputs[] inputs = new Inputs[snapshots.size()];
    for (int s = 0; s < inputs.length; s++) {
      inputs[s] = Inputs.of(snapshots.get(s), areas, keyIndex);
    }
    List<String> notes = new ArrayList<>();
    Map<String, Goalposts.Bound> bounds = new java.util.LinkedHashMap<>();
    for (CompiledTree t : trees(m)) {
      Scales sc = Scales.pool(t, inputs, keyIndex, notes);
      for (int l = 0; l < t.leaves.size(); l++) {
        if (t.leaves.get(l) instanceof RiskNode.IndicatorLeaf leaf) {
          bounds.put(
              Goalposts.key(t.domain, leaf.id()),
              new Goalposts.Bound(sc.clipLo[l], sc.clipHi[l], sc.min[l], sc.max[l]));
        }
      }
    }
    return new Goalposts(m.id(), m.version(), derivedFrom, bounds, notes);
  }

  private static Map<String, Integer> keyIndex(Methodology m) {
    List<String> keys = m.inputKeys();
    Map<String, Integer> keyIndex = new HashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      keyIndex.put(keys.get(i), i);
    }
    return keyIndex;
  }

  private static List<CompiledTree> trees(Methodology m) {
    List<CompiledTree> trees = new ArrayList<>();
    m.domains().forEach((d, g) -> trees.add(new CompiledTree(d, g, m.minCoverage())));
    return trees;
  }

  /**
   * Weight factors [draw][tree][node]: one log-normal multiplier per node and draw, shared by all
   * snapshots (common random numbers: a draw's weighting is the same now and in the projections).
   */
  private static double[][][] weightFactors(List<CompiledTree> trees, RiskSpec spec) {
    SplittableRandom rng = new SplittableRandom(spec.seed());
    double sigma = spec.weightSpread();
    double[][][] f = new double[spec.draws()][trees.size()][];
    for (int d = 0; d < spec.draws(); d++) {
      for (int t = 0; t < trees.size(); t++) {
        f[d][t] = new double[trees.get(t).nodes.length];
        for (int n = 0; n < f[d][t].length; n++) {
          f[d][t][n] = sigma > 0 ? Math.exp(sigma * gaussian(rng) - sigma * sigma / 2) : 1;
        }
      }
    }
    return f;
  }

  private static List<List<RiskScore>> runAll(
      List<CompiledTree> trees,
      List<Scales> scales,
      Inputs[] inputs,
      List<Snapshot> snapshots,
      List<String> areas,
      Map<String, Integer> keyIndex,
      RiskSpec spec,
      double[][][] factors,
      int[] streams) {
    List<List<RiskScore>> out = new ArrayList<>();
    if (spec.threads() == 1 || inputs.length == 1) {
      for (int s = 0; s < inputs.length; s++) {
        out.add(
            new SnapshotRun(
                    trees,
                    scales,
                    inputs[s],
                    snapshots.get(s),
                    areas,
                    keyIndex,
                    spec,
                    streams[s],
                    factors)
                .run());
      }
      return out;
    }
    ExecutorService pool = Executors.newFixedThreadPool(spec.threads());
    try {
      List<Future<List<RiskScore>>> futures = new ArrayList<>();
      for (int s = 0; s < inputs.length; s++) {
        SnapshotRun r =
            new SnapshotRun(
                trees,
                scales,
                inputs[s],
                snapshots.get(s),
                areas,
                keyIndex,
                spec,
                streams[s],
                factors);
        futures.add(pool.submit(r::run));
      }
      for (Future<List<RiskScore>> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Risk run interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Risk run failed: " + e.getCause().getMessage(), e);
    } finally {
      pool.shutdown();
    }
  }

  /** Adds change since the latest earlier horizon-0 snapshot of the same state and domain. */
  private static List<RiskScore> withChanges(List<RiskScore> all) {
    Map<String, TreeSet<Period>> nowPeriods = new HashMap<>();
    Map<String, RiskScore> byKey = new HashMap<>();
    for (RiskScore r : all) {
      if (r.horizon() == 0) {
        String k = r.area() + "|" + r.domain();
        nowPeriods.computeIfAbsent(k, x -> new TreeSet<>()).add(r.period());
        byKey.put(k + "|" + r.period(), r);
      }
    }
    List<RiskScore> out = new ArrayList<>(all.size());
    for (RiskScore r : all) {
      String k = r.area() + "|" + r.domain();
      TreeSet<Period> ps = nowPeriods.get(k);
      Period ref = ps == null ? null : ps.lower(r.period());
      RiskScore prev = ref == null ? null : byKey.get(k + "|" + ref);
      if (prev == null || Double.isNaN(prev.score()) || Double.isNaN(r.score())) {
        out.add(r);
        continue;
      }
      Map<String, Double> before = new HashMap<>();
      prev.drivers().forEach(d -> before.put(d.id(), d.contribution()));
      List<Driver> drivers =
          r.drivers().stream()
              .map(d -> d.withChange(d.contribution() - before.getOrDefault(d.id(), 0.0)))
              .toList();
      out.add(
          new RiskScore(
              r.area(),
              r.domain(),
              r.period(),
              r.horizon(),
              r.score(),
              r.lower(),
              r.upper(),
              r.rank(),
              r.rankLower(),
              r.rankUpper(),
              r.reliability(),
              r.components(),
              drivers,
              r.score() - prev.score(),
              ref.toString()));
    }
    return out;
  }

  /** One snapshot's inputs as arrays [area][key]. */
  record Inputs(double[][] median, double[][] lower, double[][] upper) {
    static Inputs of(Snapshot s, List<String> areas, Map<String, Integer> keyIndex) {
      int a = areas.size();
      int k = keyIndex.size();
      double[][] med = new double[a][k];
      double[][] lo = new double[a][k];
      double[][] hi = new double[a][k];
      for (int i = 0; i < a; i++) {
        Arrays.fill(med[i], Double.NaN);
        Arrays.fill(lo[i], Double.NaN);
        Arrays.fill(hi[i], Double.NaN);
        Map<String, InputValue> v = s.values().getOrDefault(areas.get(i), Map.of());
        for (Map.Entry<String, InputValue> e : v.entrySet()) {
          Integer j = keyIndex.get(e.getKey());
          if (j != null) {
            med[i][j] = e.getValue().median();
            lo[i][j] = e.getValue().lower();
            hi[i][j] = e.getValue().upper();
          }
        }
      }
      return new Inputs(med, lo, hi);
    }
  }

  /** Per leaf of one tree: how a raw input becomes a 0-10 score. */
  static final class Scales {
    final CompiledTree tree;
    final int[] key;
    final int[] per;
    final double[] clipLo;
    final double[] clipHi;
    final double[] min;
    final double[] max;

    private Scales(CompiledTree tree, Map<String, Integer> keyIndex) {
      this.tree = tree;
      int l = tree.leaves.size();
      key = new int[l];
      per = new int[l];
      clipLo = new double[l];
      clipHi = new double[l];
      min = new double[l];
      max = new double[l];
      for (int i = 0; i < l; i++) {
        RiskNode n = tree.leaves.get(i);
        if (n instanceof RiskNode.IndicatorLeaf leaf) {
          key[i] = keyIndex.get(leaf.indicator());
          per[i] = leaf.per().isEmpty() ? -1 : keyIndex.get(leaf.per());
        } else {
          key[i] = keyIndex.get(((RiskNode.ScoreLeaf) n).key());
          per[i] = -1;
        }
      }
    }

    static Scales pool(
        CompiledTree t, Inputs[] inputs, Map<String, Integer> keyIndex, List<String> notes) {
      Scales sc = new Scales(t, keyIndex);
      for (int l = 0; l < t.leaves.size(); l++) {
        if (!(t.leaves.get(l) instanceof RiskNode.IndicatorLeaf leaf)) {
          continue;
        }
        List<Double> pooled = new ArrayList<>();
        for (Inputs in : inputs) {
          for (double[] row : in.median()) {
            double v = sc.transform(l, row);
            if (!Double.isNaN(v)) {
              pooled.add(v);
            }
          }
        }
        double[] arr = pooled.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        sc.clipLo[l] =
            leaf.winsorLow() > 0
                ? Robust.quantileSorted(arr, leaf.winsorLow())
                : Double.NEGATIVE_INFINITY;
        sc.clipHi[l] =
            leaf.winsorHigh() < 1
                ? Robust.quantileSorted(arr, leaf.winsorHigh())
                : Double.POSITIVE_INFINITY;
        double lo = arr.length == 0 ? Double.NaN : Math.max(arr[0], sc.clipLo[l]);
        double hi = arr.length == 0 ? Double.NaN : Math.min(arr[arr.length - 1], sc.clipHi[l]);
        sc.min[l] = Double.isNaN(leaf.min()) ? lo : leaf.min();
        sc.max[l] = Double.isNaN(leaf.max()) ? hi : leaf.max();
        if (leaf.normalisation() == RiskNode.Normalisation.MINMAX
            && arr.length > 0
            && !(sc.max[l] > sc.min[l])) {
          notes.add(t.domain + "/" + leaf.id() + ": all values equal; scored 5 (mid-scale)");
        }
        if (arr.length == 0) {
          notes.add(
              t.domain
                  + "/"
                  + leaf.id()
                  + ": no data for "
                  + leaf.indicator()
                  + "; the leaf is missing everywhere");
        }
      }
      return sc;
    }

    /** Scales from fixed goalposts (leaves without goalposts are missing everywhere). */
    static Scales fixed(CompiledTree t, Map<String, Integer> keyIndex, Goalposts g) {
      Scales sc = new Scales(t, keyIndex);
      for (int l = 0; l < t.leaves.size(); l++) {
        if (!(t.leaves.get(l) instanceof RiskNode.IndicatorLeaf leaf)) {
          continue;
        }
        Goalposts.Bound b = g.bounds().get(Goalposts.key(t.domain, leaf.id()));
        sc.clipLo[l] = b == null ? Double.NEGATIVE_INFINITY : b.clipLow();
        sc.clipHi[l] = b == null ? Double.POSITIVE_INFINITY : b.clipHigh();
        sc.min[l] = !Double.isNaN(leaf.min()) ? leaf.min() : b == null ? Double.NaN : b.min();
        sc.max[l] = !Double.isNaN(leaf.max()) ? leaf.max() : b == null ? Double.NaN : b.max();
      }
      return sc;
    }

    /** Notes how many values per leaf lie beyond the goalposts (they are clipped to 0 or 10). */
    void noteClipped(Inputs[] inputs, List<Snapshot> snaps, List<String> notes) {
      for (int l = 0; l < tree.leaves.size(); l++) {
        if (!(tree.leaves.get(l) instanceof RiskNode.IndicatorLeaf leaf)
            || leaf.normalisation() != RiskNode.Normalisation.MINMAX) {
          continue;
        }
        int now = 0;
        int projected = 0;
        for (int s = 0; s < inputs.length; s++) {
          for (double[] row : inputs[s].median()) {
            double v = Math.max(clipLo[l], Math.min(clipHi[l], transform(l, row)));
            if (!Double.isNaN(v) && (v < min[l] || v > max[l])) {
              if (snaps.get(s).horizon() > 0) {
                projected++;
              } else {
                now++;
              }
            }
          }
        }
        if (now + projected > 0) {
          notes.add(
              tree.domain
                  + "/"
                  + leaf.id()
                  + ": "
                  + now
                  + " observed and "
                  + projected
                  + " projected values lie beyond the goalposts and are clipped (scored 0 or 10)");
        }
      }
    }

    /** Raw input to the transformed value (ratio, log), before winsorising; NaN when missing. */
    double transform(int l, double[] row) {
      double v = row[key[l]];
      RiskNode n = tree.leaves.get(l);
      if (!(n instanceof RiskNode.IndicatorLeaf leaf)) {
        return v;
      }
      if (per[l] >= 0) {
        double d = row[per[l]];
        v = d > 0 ? v / d * leaf.perScale() : Double.NaN;
      } else {
        v *= leaf.perScale();
      }
      return leaf.log() && !Double.isNaN(v) ? Math.log1p(Math.max(0, v)) : v;
    }

    /** Raw value for display (ratio applied, no log). */
    double raw(int l, double[] row) {
      RiskNode n = tree.leaves.get(l);
      if (n instanceof RiskNode.IndicatorLeaf leaf) {
        double v = row[key[l]];
        if (per[l] >= 0) {
          return row[per[l]] > 0 ? v / row[per[l]] * leaf.perScale() : Double.NaN;
        }
        return v * leaf.perScale();
      }
      return row[key[l]];
    }

    /** Leaf scores [area][leaf] for one set of input rows [area][key]. */
    double[][] scores(double[][] rows) {
      int a = rows.length;
      int nl = tree.leaves.size();
      double[][] out = new double[a][nl];
      for (int l = 0; l < nl; l++) {
        RiskNode n = tree.leaves.get(l);
        if (n instanceof RiskNode.ScoreLeaf s) {
          for (int i = 0; i < a; i++) {
            double v = Math.max(0, Math.min(10, rows[i][key[l]]));
            out[i][l] = s.invert() ? 10 - v : v;
          }
          continue;
        }
        RiskNode.IndicatorLeaf leaf = (RiskNode.IndicatorLeaf) n;
        double[] v = new double[a];
        for (int i = 0; i < a; i++) {
          v[i] = Math.max(clipLo[l], Math.min(clipHi[l], transform(l, rows[i])));
        }
        if (leaf.normalisation() == RiskNode.Normalisation.RANK) {
          rankScores(v, out, l);
        } else {
          for (int i = 0; i < a; i++) {
            out[i][l] =
                max[l] > min[l]
                    ? Math.max(0, Math.min(10, 10 * (v[i] - min[l]) / (max[l] - min[l])))
                    : (Double.isNaN(v[i]) || Double.isNaN(min[l]) ? Double.NaN : 5);
          }
        }
        if (leaf.invert()) {
          for (int i = 0; i < a; i++) {
            out[i][l] = 10 - out[i][l];
          }
        }
      }
      return out;
    }

    private static void rankScores(double[] v, double[][] out, int l) {
      int present = 0;
      for (double x : v) {
        present += Double.isNaN(x) ? 0 : 1;
      }
      for (int i = 0; i < v.length; i++) {
        if (Double.isNaN(v[i])) {
          out[i][l] = Double.NaN;
          continue;
        }
        double below = 0;
        double ties = 0;
        for (double x : v) {
          if (x < v[i]) {
            below++;
          } else if (x == v[i]) {
            ties++;
          }
        }
        double rank = below + (ties + 1) / 2;
        out[i][l] = present > 1 ? 10 * (rank - 1) / (present - 1) : 5;
      }
    }
  }

  /** Central scores, draws and summaries of one snapshot. */
  private record SnapshotRun(
      List<CompiledTree> trees,
      List<Scales> scales,
      Inputs in,
      Snapshot snap,
      List<String> areas,
      Map<String, Integer> keyIndex,
      RiskSpec spec,
      int index,
      double[][][] factors) {

    List<RiskScore> run() {
      int nt = trees.size();
      int na = areas.size();
      double[][][] drawScores = new double[nt][na][spec.draws()];
      double[][][] drawRanks = new double[nt][na][spec.draws()];
      if (spec.draws() > 0) {
        draws(drawScores, drawRanks);
      }
      List<RiskScore> out = new ArrayList<>();
      for (int t = 0; t < nt; t++) {
        out.addAll(central(t, drawScores[t], drawRanks[t]));
      }
      return out;
    }

    private List<RiskScore> central(int t, double[][] ds, double[][] dr) {
      CompiledTree tree = trees.get(t);
      Scales sc = scales.get(t);
      double[][] leafScores = sc.scores(in.median());
      int na = areas.size();
      double[][] nodeScores = new double[na][tree.nodes.length];
      double[] ones = new double[tree.nodes.length];
      Arrays.fill(ones, 1);
      double[] buf = new double[tree.maxChildren()];
      double[] wbuf = new double[tree.maxChildren()];
      double[] root = new double[na];
      for (int i = 0; i < na; i++) {
        root[i] = tree.evaluate(leafScores[i], ones, nodeScores[i], buf, wbuf);
      }
      int[] rank = ranks(root);
      double lo = (1 - spec.band()) / 2;
      List<RiskScore> out = new ArrayList<>();
      for (int i = 0; i < na; i++) {
        double[] contrib = tree.contributions(nodeScores[i]);
        List<Driver> drivers = new ArrayList<>();
        for (int l = 0; l < tree.leaves.size(); l++) {
          RiskNode leaf = tree.leaves.get(l);
          drivers.add(
              new Driver(
                  leaf.id(),
                  leaf.name(),
                  keyOf(leaf),
                  sc.raw(l, in.median()[i]),
                  leafScores[i][l],
                  contrib[l],
                  Double.NaN));
        }
        drivers.sort(Comparator.comparingDouble(Driver::contribution).reversed());
        double scoreLo = Robust.quantileInPlace(ds[i], lo);
        double scoreHi = Robust.quantileInPlace(ds[i], 1 - lo);
        double rankLo = rankQuantile(dr[i], lo, na);
        double rankHi = rankQuantile(dr[i], 1 - lo, na);
        out.add(
            new RiskScore(
                areas.get(i),
                tree.domain,
                snap.period(),
                snap.horizon(),
                root[i],
                scoreLo,
                scoreHi,
                rank[i],
                Double.isNaN(rankLo) ? 0 : (int) Math.floor(rankLo),
                Double.isNaN(rankHi) ? 0 : (int) Math.ceil(rankHi),
                tree.reliability(nodeScores[i]),
                tree.components(nodeScores[i]),
                drivers,
                Double.NaN,
                ""));
      }
      return out;
    }

    /** Type-7 quantile of ranks 1..n (NaN for unscored draws) by counting, O(draws). */
    private static double rankQuantile(double[] ranks, double p, int n) {
      int[] count = new int[n + 2];
      int m = 0;
      for (double r : ranks) {
        if (!Double.isNaN(r)) {
          count[(int) r]++;
          m++;
        }
      }
      if (m == 0) {
        return Double.NaN;
      }
      double h = (m - 1) * p;
      int lo = (int) Math.floor(h);
      double a = kth(count, lo);
      double b = kth(count, Math.min(lo + 1, m - 1));
      return a + (h - lo) * (b - a);
    }

    /** The k-th smallest (0-based) rank from rank counts. */
    private static double kth(int[] count, int k) {
      int seen = 0;
      for (int r = 0; r < count.length; r++) {
        seen += count[r];
        if (seen > k) {
          return r;
        }
      }
      return count.length - 1;
    }

    private static String keyOf(RiskNode leaf) {
      return leaf instanceof RiskNode.IndicatorLeaf l
          ? l.indicator()
          : ((RiskNode.ScoreLeaf) leaf).key();
    }

    private void draws(double[][][] ds, double[][][] dr) {
      SplittableRandom rng = new SplittableRandom(spec.seed() * 0x9E3779B97F4A7C15L + index + 1);
      int na = areas.size();
      int nk = keyIndex.size();
      boolean spread = hasSpread();
      double[][] rows = new double[na][nk];
      double[][][] fixedLeafScores = new double[trees.size()][][];
      for (int t = 0; t < trees.size(); t++) {
        fixedLeafScores[t] = spread ? null : scales.get(t).scores(in.median());
      }
      double[] root = new double[na];
      double[][] nodeBufs = new double[trees.size()][];
      int width = 1;
      for (int t = 0; t < trees.size(); t++) {
        nodeBufs[t] = new double[trees.get(t).nodes.length];
        width = Math.max(width, trees.get(t).maxChildren());
      }
      double[] buf = new double[width];
      double[] wbuf = new double[width];
      if (!spread) {
        drawWeightsOnly(ds, dr, fixedLeafScores, nodeBufs, buf, wbuf);
        return;
      }
      for (int d = 0; d < spec.draws(); d++) {
        drawInputs(rng, rows);
        for (int t = 0; t < trees.size(); t++) {
          CompiledTree tree = trees.get(t);
          double[][] leafScores = scales.get(t).scores(rows);
          for (int i = 0; i < na; i++) {
            root[i] = tree.evaluate(leafScores[i], factors[d][t], nodeBufs[t], buf, wbuf);
            ds[t][i][d] = root[i];
          }
          int[] rk = ranks(root);
          for (int i = 0; i < na; i++) {
            dr[t][i][d] = rk[i] == 0 ? Double.NaN : rk[i];
          }
        }
      }
    }

    /**
     * Exact inputs: only the weights vary, so each state's leaf scores are fixed; looping over
     * draws innermost lets the tree reuse the logs of unchanged children.
     */
    private void drawWeightsOnly(
        double[][][] ds,
        double[][][] dr,
        double[][][] leafScores,
        double[][] nodeBufs,
        double[] buf,
        double[] wbuf) {
      int na = areas.size();
      double[] root = new double[na];
      for (int t = 0; t < trees.size(); t++) {
        CompiledTree tree = trees.get(t);
        double[] lastX = new double[tree.nodes.length];
        double[] lastLog = new double[tree.nodes.length];
        double[] logs = new double[buf.length];
        for (int i = 0; i < na; i++) {
          java.util.Arrays.fill(lastX, Double.NaN);
          for (int d = 0; d < spec.draws(); d++) {
            ds[t][i][d] =
                tree.evaluate(
                    leafScores[t][i], factors[d][t], nodeBufs[t], buf, wbuf, lastX, lastLog, logs);
          }
        }
        for (int d = 0; d < spec.draws(); d++) {
          for (int i = 0; i < na; i++) {
            root[i] = ds[t][i][d];
          }
          int[] rk = ranks(root);
          for (int i = 0; i < na; i++) {
            dr[t][i][d] = rk[i] == 0 ? Double.NaN : rk[i];
          }
        }
      }
    }

    private boolean hasSpread() {
      for (int i = 0; i < in.lower().length; i++) {
        for (int k = 0; k < in.lower()[i].length; k++) {
          if (in.lower()[i][k] < in.upper()[i][k]) {
            return true;
          }
        }
      }
      return false;
    }

    private void drawInputs(SplittableRandom rng, double[][] rows) {
      for (int i = 0; i < rows.length; i++) {
        for (int k = 0; k < rows[i].length; k++) {
          double med = in.median()[i][k];
          if (Double.isNaN(med) || in.lower()[i][k] == in.upper()[i][k]) {
            rows[i][k] = med;
            continue;
          }
          double v = sample(med, in.lower()[i][k], in.upper()[i][k], gaussian(rng));
          rows[i][k] = in.lower()[i][k] >= 0 ? Math.max(0, v) : v;
        }
      }
    }

    private static double sample(double med, double lo, double hi, double z) {
      double sd = (z < 0 ? med - lo : hi - med) / 1.959963984540054;
      return med + z * sd;
    }
  }

  /** Standard normal deviate by the polar method (Marsaglia and Bray 1964). */
  private static double gaussian(SplittableRandom r) {
    double u;
    double v;
    double s;
    do {
      u = 2 * r.nextDouble() - 1;
      v = 2 * r.nextDouble() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s == 0);
    return u * Math.sqrt(-2 * Math.log(s) / s);
  }

  /** 1 = highest score; 0 for a missing score. Ties share the better rank. */
  static int[] ranks(double[] scores) {
    int[] r = new int[scores.length];
    for (int i = 0; i < scores.length; i++) {
      if (Double.isNaN(scores[i])) {
        continue;
      }
      int higher = 0;
      for (double s : scores) {
        if (!Double.isNaN(s) && s > scores[i]) {
          higher++;
        }
      }
      r[i] = higher + 1;
    }
    return r;
  }
}
