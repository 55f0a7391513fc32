package org.vigil.app.water;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.vigil.app.water.DemoBasin.EnvFlowSpec;
import org.vigil.app.water.DemoBasin.LinkSpec;
import org.vigil.app.water.DemoBasin.ReservoirSpec;
import org.vigil.app.water.DemoBasin.SourceSpec;
import org.vigil.app.water.DemoBasin.WithdrawalSpec;
import org.vigil.water.Agreement;
import org.vigil.water.Basin;
import org.vigil.water.Link;
import org.vigil.water.Monthly;
import org.vigil.water.Node;

/**
 * The demo basins: the Syr Darya and the Amu Darya with their real riparian states, main reservoirs
 * and structure (which river feeds which reservoir, which state withdraws where, for irrigation or
 * towns, the environmental flow point before the Aral Sea), and <b>synthetic</b> volumes from a
 * seeded generator.
 *
 * <p>What is real: the rivers, reservoirs, riparian states and the order of the reaches; reservoir
 * capacities are rounded published design volumes. What is synthetic: every flow, demand, loss,
 * share and minimum release. The generator is fixed by its seed ({@link #SEED}):
 *
 * <ul>
 *   <li>inflow history per source, monthly from {@link #HISTORY_FROM}: the source's mean annual
 *       flow spread over the months by a snowmelt shape (a base of 0.35 plus a Gaussian bump of
 *       width 1.6 months at the source's peak month, normalised to mean 1), times a year factor
 *       (log AR(1), coefficient 0.4, sd 0.15, 80% shared by the basin's sources, 20% the source's
 *       own) and monthly noise (log AR(1), coefficient 0.5, sd 0.08). Mean annual flows sum to 37
 *       km³ for the Syr Darya and 78 km³ for the Amu Darya, the order of the published long-term
 *       means;
 *   <li>demand per withdrawal: its annual volume spread by a sector profile (irrigation: April to
 *       September, 2.3 times the monthly mean in July; municipal: nearly flat, 15% above in July),
 *       times a year factor of 1 plus a seeded 3% (sd) deviation;
 *   <li>the environmental flow: its annual minimum spread evenly over the months;
 *   <li>shares of the 1998-style framework per state and winter/summer minimum releases for
 *       hydropower: fixed synthetic values of plausible order, not the states' agreed figures.
 * </ul>
 *
 * <p>Withdrawals on one reach are in series: each takes up to its demand and passes the rest on.
 * The dry, normal and wet inflows come from the forecasting engine ({@link InflowScenario}).
 */
public final class DemoBasins {
  /** The generator's seed. */
  public static final long SEED = 20_261_206L;

  /** The first month of the synthetic inflow history. */
  public static final YearMonth HISTORY_FROM = YearMonth.of(1991, 1);

  private static final double[] IRRIGATION = {
    0.3, 0.3, 0.6, 1.0, 1.5, 2.0, 2.3, 2.0, 1.2, 0.5, 0.2, 0.1
  };
  private static final double[] MUNICIPAL = {
    0.9, 0.9, 0.95, 1.0, 1.05, 1.12, 1.15, 1.12, 1.05, 0.96, 0.9, 0.9
  };

  private static final Map<String, DemoBasin> BASINS = new LinkedHashMap<>();

  static {
    BASINS.put(DemoBasinData.SYR_DARYA.code(), DemoBasinData.SYR_DARYA);
    BASINS.put(DemoBasinData.AMU_DARYA.code(), DemoBasinData.AMU_DARYA);
  }

  private DemoBasins() {}

  /** Every demo basin, Syr Darya first. */
  public static List<DemoBasin> all() {
    return List.copyOf(BASINS.values());
  }

  /** The demo basin of that area code, in any case. */
  public static Optional<DemoBasin> find(String code) {
    return Optional.ofNullable(
        code == null ? null : BASINS.get(code.trim().toUpperCase(Locale.ROOT)));
  }

  /**
   * The synthetic monthly inflow history of one source, from {@link #HISTORY_FROM} to the month
   * before {@code end} (exclusive). Longer histories extend shorter ones: the values of a month do
   * not depend on {@code end}.
   */
  public static double[] inflowHistory(DemoBasin basin, SourceSpec source, YearMonth end) {
    int n = (int) (monthIndex(end) - monthIndex(HISTORY_FROM));
    if (n < 1) {
      throw new IllegalArgumentException(
          "the inflow history starts in " + HISTORY_FROM + ", found an end of " + end);
    }
    SplittableRandom common = new SplittableRandom(SEED ^ basin.code().hashCode());
    SplittableRandom own =
        new SplittableRandom(SEED ^ (basin.code() + "/" + source.name()).hashCode());
    double[] shape = snowmelt(source.peakMonth());
    double[] out = new double[n];
    double yearLog = 0;
    double monthLog = 0;
    for (int t = 0; t < n; t++) {
      YearMonth m = HISTORY_FROM.plusMonths(t);
      if (t == 0 || m.getMonthValue() == 1) {
        double shock = 0.8 * common.nextGaussian() + 0.2 * own.nextGaussian();
        yearLog = 0.4 * yearLog + 0.15 * Math.sqrt(1 - 0.16) * shock / Math.hypot(0.8, 0.2);
      }
      monthLog = 0.5 * monthLog + 0.08 * Math.sqrt(1 - 0.25) * own.nextGaussian();
      out[t] = source.annual() / 12 * shape[m.getMonthValue() - 1] * Math.exp(yearLog + monthLog);
    }
    return out;
  }

  /**
   * The basin for a horizon: the given inflows per source (each at least {@code months} long),
   * synthetic demands from {@code start}, minimum releases by calendar month.
   */
  public static Basin network(
      DemoBasin b, YearMonth start, int months, Map<String, Monthly> inflowBySource) {
    return network(b, start, months, inflowBySource, Map.of());
  }

  /**
   * The basin for a horizon as {@link #network(DemoBasin, YearMonth, int, Map)}, with the storage
   * of the named reservoirs at the start replaced (a year that follows another starts where it
   * ended); reservoirs not named start at their demo storage.
   */
  public static Basin network(
      DemoBasin b,
      YearMonth start,
      int months,
      Map<String, Monthly> inflowBySource,
      Map<String, Double> initialStorage) {
    List<Node> nodes = new ArrayList<>();
    for (SourceSpec s : b.sources()) {
      Monthly inflow = inflowBySource.get(s.name());
      if (inflow == null) {
        throw new IllegalArgumentException("no inflow given for source '" + s.name() + "'");
      }
      nodes.add(Node.source(s.name(), inflow));
    }
    for (ReservoirSpec r : b.reservoirs()) {
      nodes.add(
          Node.reservoir(
              r.name(),
              r.capacity(),
              r.minStorage(),
              initialStorage.getOrDefault(r.name(), r.initialStorage())));
    }
    for (WithdrawalSpec w : b.withdrawals()) {
      nodes.add(Node.withdrawal(w.name(), w.state(), w.sector(), demand(b, w, start, months)));
    }
    EnvFlowSpec e = b.envFlow();
    nodes.add(Node.envFlow(e.name(), Monthly.constant(months, e.annual() / 12)));
    b.outlets().forEach(o -> nodes.add(Node.outlet(o)));
    List<Link> links = new ArrayList<>();
    for (LinkSpec l : b.links()) {
      links.add(new Link(l.from(), l.to(), l.loss(), l.capacity()));
    }
    List<Agreement> agreements = new ArrayList<>();
    agreements.add(new Agreement.Shares(b.shares()));
    for (ReservoirSpec r : b.reservoirs()) {
      if (b.winterRelease().containsKey(r.name())) {
        agreements.add(new Agreement.MinimumRelease(r.name(), release(b, r.name(), start, months)));
      }
    }
    return new Basin(b.nameEn(), nodes, links, agreements);
  }

  /** A withdrawal's synthetic monthly demand over the horizon. */
  static Monthly demand(DemoBasin b, WithdrawalSpec w, YearMonth start, int months) {
    double[] profile = w.sector().equals("irrigation") ? IRRIGATION : MUNICIPAL;
    double[] v = new double[months];
    for (int t = 0; t < months; t++) {
      YearMonth m = start.plusMonths(t);
      SplittableRandom year =
          new SplittableRandom(SEED ^ (b.code() + "/" + w.name() + "/" + m.getYear()).hashCode());
      double factor = 1 + 0.03 * year.nextGaussian();
      v[t] = w.annual() / 12 * profile[m.getMonthValue() - 1] * factor;
    }
    return Monthly.of(v);
  }

  private static Monthly release(DemoBasin b, String reservoir, YearMonth start, int months) {
    double[] v = new double[months];
    for (int t = 0; t < months; t++) {
      int month = start.plusMonths(t).getMonthValue();
      boolean winter = month >= 10 || month <= 3;
      v[t] = (winter ? b.winterRelease() : b.summerRelease()).get(reservoir);
    }
    return Monthly.of(v);
  }

  /** Mean-1 monthly shape of a snow- and glacier-fed river peaking in {@code peakMonth}. */
  static double[] snowmelt(int peakMonth) {
    double[] w = new double[12];
    double sum = 0;
    for (int m = 1; m <= 12; m++) {
      int d = Math.abs(m - peakMonth);
      d = Math.min(d, 12 - d);
      w[m - 1] = 0.35 + Math.exp(-d * d / (2 * 1.6 * 1.6));
      sum += w[m - 1];
    }
    for (int m = 0; m < 12; m++) {
      w[m] *= 12 / sum;
    }
    return w;
  }

  static long monthIndex(YearMonth m) {
    return m.getYear() * 12L + m.getMonthValue() - 1;
  }
}
